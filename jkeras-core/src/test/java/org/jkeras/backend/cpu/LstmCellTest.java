package org.jkeras.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.jkeras.backend.CellActivation;
import org.junit.jupiter.api.Test;

/**
 * The default-activation LSTM cell (two passes forward, one backward) gives exactly the numbers
 * of the general per-gate passes built on GateMath, for whole vectors and a scalar tail; the
 * forward can save the state it started from for the backward pass, changing nothing else.
 */
class LstmCellTest {
  private static final CellActivation SIG = CellActivation.SIGMOID;
  private static final CellActivation TANH = CellActivation.TANH;

  @Test
  void forwardEqualsTheGeneralPasses() {
    for (int nu : new int[] {GateMath.L * 2, GateMath.L + 3}) {
      SplittableRandom r = new SplittableRandom(nu);
      float[] z = random(r, 4 * nu, 4f);
      float[] b = random(r, 4 * nu, 1f);
      float[] c = random(r, nu, 2f);
      float[] g1 = z.clone();
      float[] c1 = c.clone();
      float[] h1 = new float[nu];
      float[] a1 = new float[nu];
      LstmCell.gates(g1, 0, b, nu);
      LstmCell.carry(g1, 0, c1, 0, h1, 0, a1, 0, null, null, 0, nu);

      float[] g2 = z.clone();
      float[] c2 = c.clone();
      RecurrentSupport.addInto(g2, 0, b, 0, 4 * nu);
      GateMath.activate(SIG, g2, 0, 2 * nu);
      GateMath.activate(TANH, g2, 2 * nu, nu);
      GateMath.activate(SIG, g2, 3 * nu, nu);
      float[] a2 = new float[nu];
      float[] h2 = new float[nu];
      for (int j = 0; j < nu; j++) {
        c2[j] = g2[nu + j] * c2[j] + g2[j] * g2[2 * nu + j];
        a2[j] = c2[j];
      }
      GateMath.activate(TANH, a2, 0, nu);
      for (int j = 0; j < nu; j++) {
        h2[j] = g2[3 * nu + j] * a2[j];
      }
      assertArrayEquals(g2, g1, 1e-7f, "gates, units " + nu);
      assertArrayEquals(c2, c1, 1e-6f, "carry, units " + nu);
      assertArrayEquals(a2, a1, 1e-6f, "activated carry, units " + nu);
      assertArrayEquals(h2, h1, 1e-6f, "output, units " + nu);
    }
  }

  @Test
  void carrySavesTheStateBeforeTheStepWhereAsked() {
    for (int nu : new int[] {GateMath.L * 2, GateMath.L + 3}) {
      SplittableRandom r = new SplittableRandom(50 + nu);
      float[] g = random(r, 4 * nu, 4f);
      LstmCell.gates(g, 0, new float[4 * nu], nu);
      float[] c = random(r, nu, 2f);
      float[] h = random(r, nu, 1f);
      float[] c1 = c.clone();
      float[] h1 = h.clone();
      float[] a1 = new float[nu];
      LstmCell.carry(g, 0, c1, 0, h1, 0, a1, 0, null, null, 0, nu);
      float[] c2 = c.clone();
      float[] h2 = h.clone();
      float[] a2 = new float[nu];
      float[] hPrev = new float[nu + 5];
      float[] cPrev = new float[nu + 5];
      LstmCell.carry(g, 0, c2, 0, h2, 0, a2, 0, hPrev, cPrev, 5, nu);
      assertArrayEquals(c1, c2, "carry, units " + nu);
      assertArrayEquals(h1, h2, "output, units " + nu);
      assertArrayEquals(a1, a2, "activated carry, units " + nu);
      assertArrayEquals(h, java.util.Arrays.copyOfRange(hPrev, 5, nu + 5), "saved h, units " + nu);
      assertArrayEquals(c, java.util.Arrays.copyOfRange(cPrev, 5, nu + 5), "saved c, units " + nu);
    }
  }

  @Test
  void backwardEqualsTheGeneralPasses() {
    for (int nu : new int[] {GateMath.L * 2, GateMath.L + 3}) {
      SplittableRandom r = new SplittableRandom(100 + nu);
      float[] g = random(r, 4 * nu, 1f);
      GateMath.activate(SIG, g, 0, 2 * nu);
      GateMath.activate(TANH, g, 2 * nu, nu);
      GateMath.activate(SIG, g, 3 * nu, nu);
      float[] ac = random(r, nu, 0.9f);
      float[] cp = random(r, nu, 2f);
      float[] dh = random(r, nu, 1f);
      float[] dc = random(r, nu, 1f);
      float[] dg1 = new float[4 * nu];
      float[] dh1 = dh.clone();
      float[] dc1 = dc.clone();
      LstmCell.backward(g, 0, ac, cp, 0, dg1, dh1, dc1, 0, nu);

      float[] dg2 = new float[4 * nu];
      float[] dc2 = dc.clone();
      float[] t = new float[nu];
      for (int j = 0; j < nu; j++) {
        dg2[3 * nu + j] = dh[j] * ac[j];
        t[j] = dh[j] * g[3 * nu + j];
      }
      GateMath.scaleByDerivative(TANH, ac, 0, t, 0, nu);
      for (int j = 0; j < nu; j++) {
        float dct = dc2[j] + t[j];
        dg2[j] = dct * g[2 * nu + j];
        dg2[nu + j] = dct * cp[j];
        dg2[2 * nu + j] = dct * g[j];
        dc2[j] = dct * g[nu + j];
      }
      GateMath.scaleByDerivative(SIG, g, 0, dg2, 0, 2 * nu);
      GateMath.scaleByDerivative(TANH, g, 2 * nu, dg2, 2 * nu, nu);
      GateMath.scaleByDerivative(SIG, g, 3 * nu, dg2, 3 * nu, nu);
      assertArrayEquals(dg2, dg1, 1e-7f, "gate gradients, units " + nu);
      assertArrayEquals(dc2, dc1, 1e-7f, "carry gradient, units " + nu);
      assertArrayEquals(new float[nu], dh1, "dh cleared, units " + nu);
    }
  }

  private static float[] random(SplittableRandom r, int n, float scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextDouble(-scale, scale);
    }
    return v;
  }
}
