package org.jkeras.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * A pure-Java GEMM on the Vector API, used when OpenBLAS cannot load. Classic packing: a block of
 * B is packed into panels {@code NR} columns wide, a strip of {@code MR} rows of A (scaled by
 * alpha) is packed row-interleaved, and a register-blocked MR x NR micro-kernel accumulates them.
 */
public final class VectorGemm implements Gemm {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int VL = S.length();
  private static final int NR = 2 * VL;
  // Five rows of two vectors: ten accumulators. Six rows (twelve) made C2 box the vectors in the
  // loop (3x slower, measured 55 vs 152 GFLOP/s on 1024^3); five reaches ~85% of OpenBLAS.
  private static final int MR = 5;
  private static final int KC = 256;
  private static final int MC = 120;

  private static final ThreadLocal<float[][]> BUFFERS =
      ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[MC * KC]});

  @Override
  public void sgemm(
      boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    scale(c, cOffset, ldc, m, n, beta);
    if (k == 0 || alpha == 0f) {
      return;
    }
    float[][] buffers = BUFFERS.get();
    int panels = (n + NR - 1) / NR;
    if (buffers[0].length < panels * NR * KC) {
      buffers[0] = new float[panels * NR * KC];
    }
    float[] bPack = buffers[0];
    float[] aPack = buffers[1];
    for (int p0 = 0; p0 < k; p0 += KC) {
      int kc = Math.min(KC, k - p0);
      packB(b, bOffset, ldb, transB, p0, kc, n, bPack);
      for (int ib = 0; ib < m; ib += MC) {
        int mc = Math.min(MC, m - ib);
        // A block (mc x kc) stays in L2; each B panel (kc x NR) stays in L1 across the strips.
        for (int s = 0; s < mc; s += MR) {
          packA(a, aOffset, lda, transA, alpha, ib + s, Math.min(MR, mc - s), p0, kc, aPack,
              (s / MR) * kc * MR);
        }
        for (int panel = 0; panel < panels; panel++) {
          int j0 = panel * NR;
          int nr = Math.min(NR, n - j0);
          for (int s = 0; s < mc; s += MR) {
            microKernel(aPack, (s / MR) * kc * MR, bPack, panel * kc * NR, kc, c,
                cOffset + (ib + s) * ldc + j0, ldc, Math.min(MR, mc - s), nr);
          }
        }
      }
    }
  }

  private static void scale(float[] c, int off, int ldc, int m, int n, float beta) {
    if (beta == 1f) {
      return;
    }
    for (int i = 0; i < m; i++) {
      int row = off + i * ldc;
      for (int j = 0; j < n; j++) {
        c[row + j] = beta == 0f ? 0f : beta * c[row + j];
      }
    }
  }

  /** Packs B[p0:p0+kc, :] into panels: panel p holds kc rows of NR values, zero-padded. */
  private static void packB(
      float[] b, int off, int ldb, boolean trans, int p0, int kc, int n, float[] out) {
    int panels = (n + NR - 1) / NR;
    for (int panel = 0; panel < panels; panel++) {
      int j0 = panel * NR;
      int nr = Math.min(NR, n - j0);
      int base = panel * kc * NR;
      for (int kk = 0; kk < kc; kk++) {
        int dst = base + kk * NR;
        int p = p0 + kk;
        if (!trans) {
          System.arraycopy(b, off + p * ldb + j0, out, dst, nr);
        } else {
          for (int j = 0; j < nr; j++) {
            out[dst + j] = b[off + (j0 + j) * ldb + p];
          }
        }
        for (int j = nr; j < NR; j++) {
          out[dst + j] = 0f;
        }
      }
    }
  }

  /** Packs alpha * A[i0:i0+mr, p0:p0+kc] as kc groups of MR values, zero-padded. */
  private static void packA(
      float[] a, int off, int lda, boolean trans, float alpha, int i0, int mr, int p0, int kc,
      float[] out, int outOff) {
    for (int kk = 0; kk < kc; kk++) {
      int p = p0 + kk;
      for (int r = 0; r < MR; r++) {
        float v = 0f;
        if (r < mr) {
          v = trans ? a[off + p * lda + i0 + r] : a[off + (i0 + r) * lda + p];
        }
        out[outOff + kk * MR + r] = alpha * v;
      }
    }
  }

  private static void microKernel(
      float[] ap, int aOff, float[] bp, int bOff, int kc, float[] c, int cOff, int ldc, int mr,
      int nr) {
    FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
    FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
    for (int kk = 0; kk < kc; kk++) {
      FloatVector b0 = FloatVector.fromArray(S, bp, bOff + kk * NR);
      FloatVector b1 = FloatVector.fromArray(S, bp, bOff + kk * NR + VL);
      int ai = aOff + kk * MR;
      FloatVector a0 = FloatVector.broadcast(S, ap[ai]);
      c00 = a0.fma(b0, c00);
      c01 = a0.fma(b1, c01);
      FloatVector a1 = FloatVector.broadcast(S, ap[ai + 1]);
      c10 = a1.fma(b0, c10);
      c11 = a1.fma(b1, c11);
      FloatVector a2 = FloatVector.broadcast(S, ap[ai + 2]);
      c20 = a2.fma(b0, c20);
      c21 = a2.fma(b1, c21);
      FloatVector a3 = FloatVector.broadcast(S, ap[ai + 3]);
      c30 = a3.fma(b0, c30);
      c31 = a3.fma(b1, c31);
      FloatVector a4 = FloatVector.broadcast(S, ap[ai + 4]);
      c40 = a4.fma(b0, c40);
      c41 = a4.fma(b1, c41);
    }
    VectorMask<Float> m0 = S.indexInRange(0, nr);
    VectorMask<Float> m1 = S.indexInRange(VL, nr);
    addRow(c, cOff, c00, c01, m0, m1, nr);
    if (mr > 1) addRow(c, cOff + ldc, c10, c11, m0, m1, nr);
    if (mr > 2) addRow(c, cOff + 2 * ldc, c20, c21, m0, m1, nr);
    if (mr > 3) addRow(c, cOff + 3 * ldc, c30, c31, m0, m1, nr);
    if (mr > 4) addRow(c, cOff + 4 * ldc, c40, c41, m0, m1, nr);
  }

  private static void addRow(
      float[] c, int off, FloatVector v0, FloatVector v1, VectorMask<Float> m0,
      VectorMask<Float> m1, int nr) {
    if (nr == NR) {
      FloatVector.fromArray(S, c, off).add(v0).intoArray(c, off);
      FloatVector.fromArray(S, c, off + VL).add(v1).intoArray(c, off + VL);
    } else {
      FloatVector.fromArray(S, c, off, m0).add(v0).intoArray(c, off, m0);
      if (nr > VL) {
        FloatVector.fromArray(S, c, off + VL, m1).add(v1).intoArray(c, off + VL, m1);
      }
    }
  }

  @Override
  public String description() {
    return "Java Vector API (" + S.vectorBitSize() + "-bit)";
  }
}
