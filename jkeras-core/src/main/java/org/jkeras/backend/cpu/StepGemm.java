package org.jkeras.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products with few rows computed with no packing: the small products of a recurrent step
 * ({@code h @ U} forward, {@code dG @ U^T} backward: a few dozen rows, K and N in the hundreds),
 * and any other product of few rows ({@link FewRowsGemm}). OpenBLAS packs B on every call,
 * and at these sizes that costs about as much as the product: with 512-bit vectors, measured on
 * the seed model's shapes with two threads, 32x256x64 into cold rows took 7.0 us here against
 * 10.7 us, and 32x64x256 5.8 against 11 us. B's rows are read in place and stay in cache across
 * the steps.
 *
 * <p>Tiles are 8 rows by 2 vectors (16 accumulators); rows and columns outside whole tiles, and
 * anything but {@code C = A @ B} or {@code C += A @ B}, go to the fallback GEMM. With vectors
 * narrower than 512 bits the tiles would spill registers, so everything goes to the fallback.
 * Each element's sum runs over K in order, so results do not depend on threads or timing.
 */
final class StepGemm implements Gemm {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int VL = S.length();
  private static final int ROWS = 8;
  private static final int COLS = 2 * VL;
  /** Whether {@link #over} uses the tiles on this machine (512-bit vectors). */
  static final boolean TILES_BY_DEFAULT = VL >= 16;

  private final Gemm fallback;
  private final boolean tiles;

  private StepGemm(Gemm fallback, boolean tiles) {
    this.fallback = fallback;
    this.tiles = tiles;
  }

  /** The step product for this machine: tiles with 512-bit vectors, else {@code fallback}. */
  static Gemm over(Gemm fallback) {
    return new StepGemm(fallback, TILES_BY_DEFAULT);
  }

  /** Always the tiles, whatever the vector width (tests check them on every machine). */
  static Gemm tilesOver(Gemm fallback) {
    return new StepGemm(fallback, true);
  }

  /** {@code B^T} as a new row-major array: the backward's {@code dG @ U^T} reads it in place. */
  static float[] transpose(float[] b, int rows, int cols) {
    float[] t = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = b[i * cols + j];
      }
    }
    return t;
  }

  @Override
  public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    boolean accumulate = beta == 1f;
    if (!tiles || transA || transB || alpha != 1f || !(accumulate || beta == 0f) || k == 0) {
      fallback.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c,
          cOffset, ldc);
      return;
    }
    int mTiled = m - m % ROWS;
    int nTiled = n - n % COLS;
    for (int i = 0; i < mTiled; i += ROWS) {
      for (int j = 0; j < nTiled; j += COLS) {
        tile(k, a, aOffset + i * lda, lda, b, bOffset + j, ldb, c, cOffset + i * ldc + j, ldc,
            accumulate);
      }
    }
    if (nTiled < n && mTiled > 0) {
      fallback.sgemm(false, false, mTiled, n - nTiled, k, 1f, a, aOffset, lda, b,
          bOffset + nTiled, ldb, beta, c, cOffset + nTiled, ldc);
    }
    if (mTiled < m) {
      fallback.sgemm(false, false, m - mTiled, n, k, 1f, a, aOffset + mTiled * lda, lda, b,
          bOffset, ldb, beta, c, cOffset + mTiled * ldc, ldc);
    }
  }

  /**
   * One 8-row, 2-vector tile of C, summed over all of K in registers. Written out in one method:
   * a vector passed to a helper that C2 does not inline is boxed, which made this 5x slower.
   */
  private static void tile(int k, float[] a, int ao, int lda, float[] b, int bo, int ldb,
      float[] c, int co, int ldc, boolean accumulate) {
    FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
    if (accumulate) {
      c00 = FloatVector.fromArray(S, c, co);
      c01 = FloatVector.fromArray(S, c, co + VL);
      c10 = FloatVector.fromArray(S, c, co + ldc);
      c11 = FloatVector.fromArray(S, c, co + ldc + VL);
      c20 = FloatVector.fromArray(S, c, co + 2 * ldc);
      c21 = FloatVector.fromArray(S, c, co + 2 * ldc + VL);
      c30 = FloatVector.fromArray(S, c, co + 3 * ldc);
      c31 = FloatVector.fromArray(S, c, co + 3 * ldc + VL);
      c40 = FloatVector.fromArray(S, c, co + 4 * ldc);
      c41 = FloatVector.fromArray(S, c, co + 4 * ldc + VL);
      c50 = FloatVector.fromArray(S, c, co + 5 * ldc);
      c51 = FloatVector.fromArray(S, c, co + 5 * ldc + VL);
      c60 = FloatVector.fromArray(S, c, co + 6 * ldc);
      c61 = FloatVector.fromArray(S, c, co + 6 * ldc + VL);
      c70 = FloatVector.fromArray(S, c, co + 7 * ldc);
      c71 = FloatVector.fromArray(S, c, co + 7 * ldc + VL);
    } else {
      c00 = FloatVector.zero(S);
      c01 = c00;
      c10 = c00;
      c11 = c00;
      c20 = c00;
      c21 = c00;
      c30 = c00;
      c31 = c00;
      c40 = c00;
      c41 = c00;
      c50 = c00;
      c51 = c00;
      c60 = c00;
      c61 = c00;
      c70 = c00;
      c71 = c00;
    }
    for (int p = 0; p < k; p++) {
      int bp = bo + p * ldb;
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      FloatVector b1 = FloatVector.fromArray(S, b, bp + VL);
      int ap = ao + p;
      FloatVector x0 = FloatVector.broadcast(S, a[ap]);
      c00 = x0.fma(b0, c00);
      c01 = x0.fma(b1, c01);
      FloatVector x1 = FloatVector.broadcast(S, a[ap + lda]);
      c10 = x1.fma(b0, c10);
      c11 = x1.fma(b1, c11);
      FloatVector x2 = FloatVector.broadcast(S, a[ap + 2 * lda]);
      c20 = x2.fma(b0, c20);
      c21 = x2.fma(b1, c21);
      FloatVector x3 = FloatVector.broadcast(S, a[ap + 3 * lda]);
      c30 = x3.fma(b0, c30);
      c31 = x3.fma(b1, c31);
      FloatVector x4 = FloatVector.broadcast(S, a[ap + 4 * lda]);
      c40 = x4.fma(b0, c40);
      c41 = x4.fma(b1, c41);
      FloatVector x5 = FloatVector.broadcast(S, a[ap + 5 * lda]);
      c50 = x5.fma(b0, c50);
      c51 = x5.fma(b1, c51);
      FloatVector x6 = FloatVector.broadcast(S, a[ap + 6 * lda]);
      c60 = x6.fma(b0, c60);
      c61 = x6.fma(b1, c61);
      FloatVector x7 = FloatVector.broadcast(S, a[ap + 7 * lda]);
      c70 = x7.fma(b0, c70);
      c71 = x7.fma(b1, c71);
    }
    c00.intoArray(c, co);
    c01.intoArray(c, co + VL);
    c10.intoArray(c, co + ldc);
    c11.intoArray(c, co + ldc + VL);
    c20.intoArray(c, co + 2 * ldc);
    c21.intoArray(c, co + 2 * ldc + VL);
    c30.intoArray(c, co + 3 * ldc);
    c31.intoArray(c, co + 3 * ldc + VL);
    c40.intoArray(c, co + 4 * ldc);
    c41.intoArray(c, co + 4 * ldc + VL);
    c50.intoArray(c, co + 5 * ldc);
    c51.intoArray(c, co + 5 * ldc + VL);
    c60.intoArray(c, co + 6 * ldc);
    c61.intoArray(c, co + 6 * ldc + VL);
    c70.intoArray(c, co + 7 * ldc);
    c71.intoArray(c, co + 7 * ldc + VL);
  }

  @Override
  public String description() {
    return "step tiles over " + fallback.description();
  }
}
