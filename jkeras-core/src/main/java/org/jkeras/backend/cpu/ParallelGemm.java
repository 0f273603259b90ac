package org.jkeras.backend.cpu;

/**
 * Splits a large GEMM into independent blocks of rows (or columns, when there are few rows) of C
 * and runs them on {@link CpuThreads}, each with a single-threaded inner {@link Gemm}.
 */
public final class ParallelGemm implements Gemm {
  private static final int ALIGN = 32;

  private final Gemm inner;

  public ParallelGemm(Gemm inner) {
    this.inner = inner;
  }

  @Override
  public void sgemm(
      boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    // Work units of 64 flops: a thread is worth waking for about 2 MFLOP (~10 us) or more.
    long unitsPerRow = 2L * n * Math.max(k, 1) / 64;
    long unitsPerColumn = 2L * m * Math.max(k, 1) / 64;
    if (m >= n || m >= 2 * ALIGN * CpuThreads.maxThreads()) {
      CpuThreads.parallelForAligned(m, unitsPerRow, ALIGN, (lo, hi) -> inner.sgemm(
          transA, transB, hi - lo, n, k, alpha,
          a, aOffset + (transA ? lo : lo * lda), lda,
          b, bOffset, ldb,
          beta, c, cOffset + lo * ldc, ldc));
    } else {
      CpuThreads.parallelForAligned(n, unitsPerColumn, ALIGN, (lo, hi) -> inner.sgemm(
          transA, transB, m, hi - lo, k, alpha,
          a, aOffset, lda,
          b, bOffset + (transB ? lo * ldb : lo), ldb,
          beta, c, cOffset + lo, ldc));
    }
  }

  @Override
  public String description() {
    return inner.description() + ", split over " + CpuThreads.maxThreads() + " threads";
  }
}
