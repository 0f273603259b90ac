package org.jkeras.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.jkeras.backend.CellActivation;

/**
 * Vectorised gate activations for the fused recurrent kernels: sigmoid and tanh to about 1e-7
 * relative error (Cephes polynomials for exp and small-argument tanh), and each activation's
 * derivative written in terms of its output, so backward passes need only the activated values
 * the forward pass kept.
 *
 * <p>Every loop is written out in full, with no helper that takes or returns a vector: when the
 * JIT declines to inline such a helper (large callers often make it), each call boxes its
 * vectors and runs the Vector API's scalar fallback, tens of times slower.
 */
final class GateMath {
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int L = S.length();

  static final float LOG2E = 1.44269504088896341f;
  static final float LN2_HI = 0.693359375f;
  static final float LN2_LO = -2.12194440e-4f;
  /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to the nearest integer. */
  static final float ROUND_MAGIC = 12582912f;
  static final int ROUND_MAGIC_BITS = Float.floatToRawIntBits(ROUND_MAGIC);

  private GateMath() {}

  /**
   * Applies {@code a} in place to {@code v[off, off + n)}. Each activation has its own short
   * loop of whole vectors plus a scalar tail: a masked or switch-heavy loop body grows too large
   * for the JIT, which then falls back to boxed vectors at a hundred times the cost.
   */
  static void activate(CellActivation a, float[] v, int off, int n) {
    switch (a) {
      case TANH -> tanh(v, off, n);
      case SIGMOID -> sigmoid(v, off, n);
      case RELU -> relu(v, off, n);
      case LINEAR -> { }
      case HARD_SIGMOID -> hardSigmoid(v, off, n);
    }
  }

  /**
   * {@code d[dOff + j] *= a'(x_j)} where {@code y[yOff + j] = a(x_j)}: turns a gradient with
   * respect to an activation's output into one with respect to its input.
   */
  static void scaleByDerivative(CellActivation a, float[] y, int yOff, float[] d, int dOff,
      int n) {
    switch (a) {
      case TANH -> tanhDerivative(y, yOff, d, dOff, n);
      case SIGMOID -> sigmoidDerivative(y, yOff, d, dOff, n);
      case RELU -> {
        for (int j = 0; j < n; j++) {
          d[dOff + j] = y[yOff + j] > 0 ? d[dOff + j] : 0f;
        }
      }
      case LINEAR -> { }
      case HARD_SIGMOID -> {
        for (int j = 0; j < n; j++) {
          float yj = y[yOff + j];
          d[dOff + j] = yj > 0 && yj < 1 ? d[dOff + j] * (1f / 6f) : 0f;
        }
      }
    }
  }

  private static void tanhDerivative(float[] y, int yOff, float[] d, int dOff, int n) {
    int j = 0;
    for (int end = S.loopBound(n); j < end; j += L) {
      FloatVector yv = FloatVector.fromArray(S, y, yOff + j);
      FloatVector dv = FloatVector.fromArray(S, d, dOff + j);
      dv.sub(dv.mul(yv).mul(yv)).intoArray(d, dOff + j);
    }
    for (; j < n; j++) {
      float yj = y[yOff + j];
      d[dOff + j] *= 1 - yj * yj;
    }
  }

  private static void sigmoidDerivative(float[] y, int yOff, float[] d, int dOff, int n) {
    int j = 0;
    for (int end = S.loopBound(n); j < end; j += L) {
      FloatVector yv = FloatVector.fromArray(S, y, yOff + j);
      FloatVector dv = FloatVector.fromArray(S, d, dOff + j);
      dv.mul(yv.sub(yv.mul(yv))).intoArray(d, dOff + j);
    }
    for (; j < n; j++) {
      float yj = y[yOff + j];
      d[dOff + j] *= yj - yj * yj;
    }
  }

  private static void tanh(float[] v, int off, int n) {
    int j = 0;
    for (int end = S.loopBound(n); j < end; j += L) {
      // tanh(x) written out in full (with exp inline): a helper taking or returning vectors
      // that the JIT does not inline costs a boxed vector per call.
      FloatVector x = FloatVector.fromArray(S, v, off + j);
      FloatVector ax = x.abs();
      FloatVector s = x.mul(x);
      FloatVector p = s.fma(-5.70498872745E-3f, 2.06390887954E-2f);
      p = p.fma(s, FloatVector.broadcast(S, -5.37397155531E-2f));
      p = p.fma(s, FloatVector.broadcast(S, 1.33314422036E-1f));
      p = p.fma(s, FloatVector.broadcast(S, -3.33332819422E-1f));
      FloatVector small = p.mul(s).fma(x, x);
      FloatVector e = ax.add(ax).min(88f);
      FloatVector t = e.fma(LOG2E, ROUND_MAGIC);
      FloatVector k = t.sub(ROUND_MAGIC);
      IntVector bits = t.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
      FloatVector r = k.fma(FloatVector.broadcast(S, -LN2_HI), e);
      r = k.fma(FloatVector.broadcast(S, -LN2_LO), r);
      FloatVector q = r.fma(1.9875691500E-4f, 1.3981999507E-3f);
      q = q.fma(r, FloatVector.broadcast(S, 8.3334519073E-3f));
      q = q.fma(r, FloatVector.broadcast(S, 4.1665795894E-2f));
      q = q.fma(r, FloatVector.broadcast(S, 1.6666665459E-1f));
      q = q.fma(r, FloatVector.broadcast(S, 5.0000001201E-1f));
      FloatVector ex = q.fma(r.mul(r), r).add(1f)
          .mul(bits.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector big = FloatVector.broadcast(S, 1f)
          .sub(FloatVector.broadcast(S, 2f).div(ex.add(1f)));
      big = big.reinterpretAsInts().or(x.reinterpretAsInts().and(0x80000000))
          .reinterpretAsFloats();
      small.blend(big, ax.compare(VectorOperators.GE, 0.625f)).intoArray(v, off + j);
    }
    for (; j < n; j++) {
      v[off + j] = (float) Math.tanh(v[off + j]);
    }
  }

  private static void sigmoid(float[] v, int off, int n) {
    int j = 0;
    for (int end = S.loopBound(n); j < end; j += L) {
      // 1 / (1 + e^{-x}), with e^{-x} (Cephes) written inline like tanh's.
      FloatVector x = FloatVector.fromArray(S, v, off + j);
      FloatVector e = x.neg().max(-87f).min(88f);
      FloatVector t = e.fma(LOG2E, ROUND_MAGIC);
      FloatVector k = t.sub(ROUND_MAGIC);
      IntVector bits = t.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
      FloatVector r = k.fma(FloatVector.broadcast(S, -LN2_HI), e);
      r = k.fma(FloatVector.broadcast(S, -LN2_LO), r);
      FloatVector q = r.fma(1.9875691500E-4f, 1.3981999507E-3f);
      q = q.fma(r, FloatVector.broadcast(S, 8.3334519073E-3f));
      q = q.fma(r, FloatVector.broadcast(S, 4.1665795894E-2f));
      q = q.fma(r, FloatVector.broadcast(S, 1.6666665459E-1f));
      q = q.fma(r, FloatVector.broadcast(S, 5.0000001201E-1f));
      FloatVector ex = q.fma(r.mul(r), r).add(1f)
          .mul(bits.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector.broadcast(S, 1f).div(ex.add(1f)).intoArray(v, off + j);
    }
    for (; j < n; j++) {
      v[off + j] = (float) (1 / (1 + Math.exp(-v[off + j])));
    }
  }

  private static void relu(float[] v, int off, int n) {
    for (int j = 0; j < n; j++) {
      v[off + j] = Math.max(0f, v[off + j]);
    }
  }

  private static void hardSigmoid(float[] v, int off, int n) {
    for (int j = 0; j < n; j++) {
      v[off + j] = Math.min(1f, Math.max(0f, v[off + j] * (1f / 6f) + 0.5f));
    }
  }
}
