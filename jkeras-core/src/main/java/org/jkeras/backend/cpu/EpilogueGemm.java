package org.jkeras.backend.cpu;

/**
 * {@code C = A B} followed by an epilogue (bias and activation) on each block of C's rows, run
 * on the thread that computed the block right after its GEMM, while the block is still in cache:
 * one pass over the output instead of three (GEMM, add, activation), and no intermediate arrays.
 *
 * <p>Rows are split across {@link CpuThreads} as {@link ParallelGemm} splits them, and each
 * thread's share is computed in blocks of about {@link #BLOCK_FLOATS} floats of C. When
 * ParallelGemm would split the columns instead (few rows, many columns), the GEMM runs that way
 * and the epilogue follows as a parallel pass over rows, since an epilogue such as softmax needs
 * whole rows.
 */
final class EpilogueGemm {
  /** Output floats per block: 128 KiB, well inside a core's L2 cache. */
  static final int BLOCK_FLOATS = 1 << 15;

  private static final int ALIGN = 32;

  private EpilogueGemm() {}

  /** Work on rows {@code [start, end)} of C, in place. */
  @FunctionalInterface
  interface RowEpilogue {
    void apply(int start, int end);
  }

  /**
   * {@code C[cOff..] = A (m x k, row-major, lda) * B (k x n, ldb)}, C with leading dimension n
   * and zero-filled on entry, then {@code epilogue} over every row block.
   */
  static void sgemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff,
      int ldb, float[] c, int cOff, RowEpilogue epilogue) {
    if (m == 0 || n == 0) {
      return;
    }
    long unitsPerRow = 2L * n * Math.max(k, 1) / 64;
    if (k == 0) {
      CpuThreads.parallelFor(m, n, epilogue::apply);
    } else if (m >= n || m >= 2 * ALIGN * CpuThreads.maxThreads()) {
      int block = Math.max(ALIGN, BLOCK_FLOATS / n / ALIGN * ALIGN);
      Gemm inner = CpuGemm.singleThreaded();
      CpuThreads.parallelForAligned(m, unitsPerRow, ALIGN, (lo, hi) -> {
        for (int r = lo; r < hi; r += block) {
          int e = Math.min(hi, r + block);
          inner.sgemm(false, false, e - r, n, k, 1f, a, aOff + r * lda, lda, b, bOff, ldb,
              0f, c, cOff + r * n, n);
          epilogue.apply(r, e);
        }
      });
    } else {
      CpuGemm.get().sgemm(false, false, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, 0f, c, cOff, n);
      CpuThreads.parallelFor(m, 4L * n, epilogue::apply);
    }
  }
}
