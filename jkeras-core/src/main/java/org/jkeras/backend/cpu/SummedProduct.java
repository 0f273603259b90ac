package org.jkeras.backend.cpu;

/**
 * {@code C = A^T @ B + beta * C} when the summed dimension is long and C is small: a weight
 * gradient summed over every (batch, step) row. Threads split the summed rows, each into its own
 * partial product, added in row order afterwards (so the result does not depend on timing). This
 * beats splitting C's rows or columns, where every thread reads all of A or B: here each reads
 * its share once.
 */
final class SummedProduct {
  private SummedProduct() {}

  /**
   * {@code c[cOff..] (m, n) = a[aOff..] (k, m)^T @ b[bOff..] (k, n) + beta * c}, leading
   * dimensions {@code lda}, {@code ldb}, {@code ldc}; beta is 0 or 1.
   */
  static void compute(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, int k, int m,
      int n, float beta, float[] c, int cOff, int ldc) {
    int chunks = CpuThreads.chunkCount(k, (long) m * n);
    if (chunks <= 1) {
      CpuGemm.singleThreaded().sgemm(true, false, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, beta,
          c, cOff, ldc);
      return;
    }
    inPartials(k, (long) m * n, m, n, beta, c, cOff, ldc, (lo, hi, p) ->
        CpuGemm.singleThreaded().sgemm(true, false, m, n, hi - lo, 1f, a, aOff + lo * lda, lda,
            b, bOff + lo * ldb, ldb, 0f, p, 0, n));
  }

  /** Fills {@code partial (m, n)} with the sum over items {@code [lo, hi)}. */
  @FunctionalInterface
  interface PartialSum {
    void compute(int lo, int hi, float[] partial);
  }

  /**
   * {@code c (m, n) = sum + beta * c}, where threads split {@code items} and each fills its own
   * partial sum; the partials are added in item order, so the result does not depend on timing.
   * Beta is 0 or 1.
   */
  static void inPartials(int items, long workPerItem, int m, int n, float beta, float[] c,
      int cOff, int ldc, PartialSum sum) {
    // Keyed by each chunk's first item, so they are added in order whatever finished first.
    java.util.concurrent.ConcurrentSkipListMap<Integer, float[]> partials =
        new java.util.concurrent.ConcurrentSkipListMap<>();
    CpuThreads.parallelFor(items, workPerItem, (lo, hi) -> {
      float[] p = new float[m * n];
      sum.compute(lo, hi, p);
      partials.put(lo, p);
    });
    boolean first = beta == 0f;
    for (float[] p : partials.values()) {
      for (int row = 0; row < m; row++) {
        if (first) {
          System.arraycopy(p, row * n, c, cOff + row * ldc, n);
        } else {
          RecurrentSupport.addInto(c, cOff + row * ldc, p, row * n, n);
        }
      }
      first = false;
    }
  }
}
