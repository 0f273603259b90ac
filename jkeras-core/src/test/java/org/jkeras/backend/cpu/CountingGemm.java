package org.jkeras.backend.cpu;

/** A plain GEMM that counts the elements of C it was asked for: what reached a fallback. */
final class CountingGemm implements Gemm {
  private final Gemm gemm = new VectorGemm();
  int elements;

  @Override
  public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c,
      int cOffset, int ldc) {
    elements += m * n;
    gemm.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c,
        cOffset, ldc);
  }

  @Override
  public String description() {
    return "counting";
  }
}
