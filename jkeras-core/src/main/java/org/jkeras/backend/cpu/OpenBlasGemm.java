package org.jkeras.backend.cpu;

/** {@link Gemm} by one single-threaded OpenBLAS call. */
public final class OpenBlasGemm implements Gemm {
  private final NativeOpenBlas blas;

  public OpenBlasGemm(NativeOpenBlas blas) {
    if (!blas.isAvailable()) {
      throw new IllegalStateException("OpenBLAS is not available: " + blas.failure());
    }
    this.blas = blas;
  }

  @Override
  public void sgemm(
      boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    blas.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset,
        ldc);
  }

  @Override
  public String description() {
    return "OpenBLAS (" + blas.coreName() + ")";
  }
}
