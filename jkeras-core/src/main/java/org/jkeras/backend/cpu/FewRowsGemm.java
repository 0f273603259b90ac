package org.jkeras.backend.cpu;

/**
 * Products with few rows of A ({@link #FEW_ROWS} or fewer, neither operand transposed) go to
 * {@link StepGemm}'s unpacked tiles, the rest to the packed GEMM (OpenBLAS). OpenBLAS packs B on
 * every call, at a cost in proportion to B's size whatever the number of rows, so with few rows
 * packing is much of the call: a Dense layer at batch 32 (32x784 by 784x64) took 33 us in
 * OpenBLAS against 17 us in the tiles on one thread, and the MLP benchmark predicted 890,000
 * against 490,000-535,000 samples/s. At 256 rows the two measured the same.
 */
final class FewRowsGemm implements Gemm {
  static final int FEW_ROWS = 128;

  private final Gemm packed;
  private final Gemm tiles;

  FewRowsGemm(Gemm packed) {
    this.packed = packed;
    this.tiles = StepGemm.over(packed);
  }

  @Override
  public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    Gemm g = m <= FEW_ROWS && !transA && !transB ? tiles : packed;
    g.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset,
        ldc);
  }

  @Override
  public String description() {
    return packed.description() + ", unpacked tiles below " + FEW_ROWS + " rows";
  }
}
