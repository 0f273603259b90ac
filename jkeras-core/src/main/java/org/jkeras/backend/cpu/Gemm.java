package org.jkeras.backend.cpu;

/**
 * Single-precision GEMM on row-major heap arrays: {@code C = alpha * op(A) * op(B) + beta * C},
 * where {@code op(X)} is X or its transpose. Offsets and leading dimensions are in elements, as
 * in CBLAS with {@code CblasRowMajor}.
 */
public interface Gemm {
  void sgemm(
      boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda,
      float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc);

  /** A short description for logs and benchmarks, for example {@code "OpenBLAS 0.3.31 SkylakeX"}. */
  String description();
}
