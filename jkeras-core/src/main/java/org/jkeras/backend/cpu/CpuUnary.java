package org.jkeras.backend.cpu;

import static jdk.incubator.vector.FloatVector.broadcast;
import static jdk.incubator.vector.FloatVector.fromArray;
import static org.jkeras.backend.cpu.VectorMath.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.jkeras.backend.UnaryFunction;

/**
 * Vectorised forward kernels of the {@link UnaryFunction}s. Each function is its own small loop
 * (so the JIT inlines every vector operation); the ragged tail runs through the same loop on a
 * zero-padded scratch vector.
 */
final class CpuUnary {
  static final int L = S.length();
  static final float SELU_ALPHA = 1.6732632423543772f;
  static final float SELU_SCALE = 1.0507009873554805f;
  static final float SQRT_2_OVER_PI = 0.7978845608028654f;
  static final float GELU_C = 0.044715f;
  static final float INV_SQRT2 = 0.7071067811865476f;

  private CpuUnary() {}

  /** Relative cost per element, for deciding when to use threads. */
  static long cost(UnaryFunction fn) {
    return switch (fn) {
      case NEGATIVE, ABS, SIGN, SQUARE, RELU, RELU6, HARD_SIGMOID, LEAKY_RELU, CLIP, SOFTSIGN -> 1;
      default -> 8;
    };
  }

  /** {@code out[oo + i] = fn(in[io + i])} for {@code i < n}. */
  static void apply(UnaryFunction fn, float[] in, int io, float[] out, int oo, int n, float a,
      float b) {
    int bound = S.loopBound(n);
    body(fn, in, io, out, oo, bound, a, b);
    if (bound < n) {
      float[] t = new float[L];
      System.arraycopy(in, io + bound, t, 0, n - bound);
      body(fn, t, 0, t, 0, L, a, b);
      System.arraycopy(t, 0, out, oo + bound, n - bound);
    }
  }



  /** n is a multiple of the vector length. */
  private static void body(UnaryFunction fn, float[] x, int xo, float[] y, int yo, int n,
      float a, float b) {
    switch (fn) {
      case NEGATIVE -> negative(x, xo, y, yo, n);
      case ABS -> abs(x, xo, y, yo, n);
      case SIGN -> sign(x, xo, y, yo, n);
      case SQUARE -> square(x, xo, y, yo, n);
      case SQRT -> sqrt(x, xo, y, yo, n);
      case EXP -> VectorMath.exp(x, xo, y, yo, n);
      case LOG -> log(x, xo, y, yo, n);
      case SIGMOID -> VectorMath.sigmoid(x, xo, y, yo, n);
      case TANH -> VectorMath.tanh(x, xo, y, yo, n);
      case RELU -> clip(x, xo, y, yo, n, 0f, Float.POSITIVE_INFINITY);
      case RELU6 -> clip(x, xo, y, yo, n, 0f, 6f);
      case HARD_SIGMOID -> hardSigmoid(x, xo, y, yo, n);
      case LEAKY_RELU -> leakyRelu(x, xo, y, yo, n, a);
      case ELU -> elu(x, xo, y, yo, n, a, 1f);
      case SELU -> elu(x, xo, y, yo, n, SELU_ALPHA, SELU_SCALE);
      case GELU_TANH -> geluTanh(x, xo, y, yo, n);
      case GELU_ERF -> geluErf(x, xo, y, yo, n);
      case SOFTPLUS -> softplus(x, xo, y, yo, n);
      case SOFTSIGN -> softsign(x, xo, y, yo, n);
      case SILU -> silu(x, xo, y, yo, n);
      case CLIP -> clip(x, xo, y, yo, n, a, b);
    }
  }

  private static void negative(float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i += L) {
      fromArray(S, x, xo + i).neg().intoArray(y, yo + i);
    }
  }

  private static void abs(float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i += L) {
      fromArray(S, x, xo + i).abs().intoArray(y, yo + i);
    }
  }

  private static void sign(float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i += L) {
      FloatVector xv = fromArray(S, x, xo + i);
      // NaN stays NaN, zeros stay as they are, as numpy's sign does.
      xv.blend(1f, xv.compare(VectorOperators.GT, 0f)).blend(-1f, xv.lt(0f))
          .intoArray(y, yo + i);
    }
  }

  private static void square(float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i += L) {
      FloatVector xv = fromArray(S, x, xo + i);
      xv.mul(xv).intoArray(y, yo + i);
    }
  }

  private static void sqrt(float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i += L) {
      fromArray(S, x, xo + i).sqrt().intoArray(y, yo + i);
    }
  }

  private static void log(float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i += L) {
      fromArray(S, x, xo + i).lanewise(VectorOperators.LOG).intoArray(y, yo + i);
    }
  }

  private static void clip(float[] x, int xo, float[] y, int yo, int n, float lo, float hi) {
    FloatVector l = broadcast(S, lo);
    FloatVector h = broadcast(S, hi);
    for (int i = 0; i < n; i += L) {
      fromArray(S, x, xo + i).max(l).min(h).intoArray(y, yo + i);
    }
  }

  private static void hardSigmoid(float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i += L) {
      fromArray(S, x, xo + i).add(3f).max(0f).min(6f).div(6f).intoArray(y, yo + i);
    }
  }

  private static void leakyRelu(float[] x, int xo, float[] y, int yo, int n, float slope) {
    for (int i = 0; i < n; i += L) {
      FloatVector xv = fromArray(S, x, xo + i);
      xv.blend(xv.mul(slope), xv.lt(0f)).intoArray(y, yo + i);
    }
  }

  /** {@code scale * (x > 0 ? x : alpha * expm1(x))}: ELU, and SELU with its constants. */
  private static void elu(float[] x, int xo, float[] y, int yo, int n, float alpha,
      float scale) {
    for (int i = 0; i < n; i += L) {
      FloatVector xv = fromArray(S, x, xo + i);
      FloatVector neg = VectorMath.expm1(xv.min(0f)).mul(alpha);
      xv.blend(neg, xv.compare(VectorOperators.LE, 0f)).mul(scale).intoArray(y, yo + i);
    }
  }

  private static void geluTanh(float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i += L) {
      FloatVector xv = fromArray(S, x, xo + i);
      FloatVector u = xv.mul(xv).fma(broadcast(S, GELU_C), broadcast(S, 1f)).mul(xv)
          .mul(SQRT_2_OVER_PI);
      VectorMath.tanh(u).add(1f).mul(xv).mul(0.5f).intoArray(y, yo + i);
    }
  }

  private static void geluErf(float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i += L) {
      FloatVector xv = fromArray(S, x, xo + i);
      VectorMath.erfc(xv.mul(-INV_SQRT2)).mul(xv).mul(0.5f).intoArray(y, yo + i);
    }
  }

  /** {@code max(x, 0) + log1p(exp(-|x|))}: no overflow for large x, no loss for small. */
  private static void softplus(float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i += L) {
      FloatVector xv = fromArray(S, x, xo + i);
      FloatVector e = VectorMath.exp(xv.abs().neg());
      xv.max(0f).add(e.lanewise(VectorOperators.LOG1P)).intoArray(y, yo + i);
    }
  }

  private static void softsign(float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i += L) {
      FloatVector xv = fromArray(S, x, xo + i);
      xv.div(xv.abs().add(1f)).intoArray(y, yo + i);
    }
  }

  private static void silu(float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i += L) {
      FloatVector xv = fromArray(S, x, xo + i);
      xv.mul(VectorMath.sigmoid(xv)).intoArray(y, yo + i);
    }
  }
}
