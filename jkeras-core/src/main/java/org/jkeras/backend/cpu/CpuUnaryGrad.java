package org.jkeras.backend.cpu;

import static jdk.incubator.vector.FloatVector.broadcast;
import static jdk.incubator.vector.FloatVector.fromArray;
import static org.jkeras.backend.cpu.CpuUnary.GELU_C;
import static org.jkeras.backend.cpu.CpuUnary.INV_SQRT2;
import static org.jkeras.backend.cpu.CpuUnary.SELU_ALPHA;
import static org.jkeras.backend.cpu.CpuUnary.SELU_SCALE;
import static org.jkeras.backend.cpu.CpuUnary.SQRT_2_OVER_PI;
import static org.jkeras.backend.cpu.VectorMath.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.jkeras.backend.UnaryFunction;

/**
 * Fused backward kernels: {@code dx = g * f'(x)} in one pass, from the forward input {@code x},
 * output {@code y} and output gradient {@code g}, instead of a chain of elementwise ops.
 */
final class CpuUnaryGrad {
  private static final int L = S.length();
  private static final float INV_SQRT_2PI = 0.3989422804014327f;

  private CpuUnaryGrad() {}

  /** {@code out[i] = g[i] * fn'(x[i])} for {@code i < n} (all arrays at offset {@code off}). */
  static void apply(UnaryFunction fn, float[] x, float[] y, float[] g, float[] out, int off,
      int n, float a, float b) {
    int bound = S.loopBound(n);
    body(fn, x, y, g, out, off, bound, a, b);
    if (bound < n) {
      int r = n - bound;
      float[] tx = new float[L];
      float[] ty = new float[L];
      float[] tg = new float[L];
      System.arraycopy(x, off + bound, tx, 0, r);
      System.arraycopy(y, off + bound, ty, 0, r);
      System.arraycopy(g, off + bound, tg, 0, r);
      body(fn, tx, ty, tg, tg, 0, L, a, b);
      System.arraycopy(tg, 0, out, off + bound, r);
    }
  }



  private static void body(UnaryFunction fn, float[] x, float[] y, float[] g, float[] o,
      int off, int n, float a, float b) {
    switch (fn) {
      case NEGATIVE -> {
        for (int i = off; i < off + n; i += L) {
          fromArray(S, g, i).neg().intoArray(o, i);
        }
      }
      case ABS -> {
        for (int i = off; i < off + n; i += L) {
          FloatVector xv = fromArray(S, x, i);
          FloatVector gv = fromArray(S, g, i);
          gv.blend(gv.neg(), xv.lt(0f)).blend(0f, xv.eq(0f)).intoArray(o, i);
        }
      }
      case SIGN -> java.util.Arrays.fill(o, off, off + n, 0f);
      case SQUARE -> {
        for (int i = off; i < off + n; i += L) {
          fromArray(S, x, i).mul(fromArray(S, g, i)).mul(2f).intoArray(o, i);
        }
      }
      case SQRT -> {
        for (int i = off; i < off + n; i += L) {
          fromArray(S, g, i).mul(0.5f).div(fromArray(S, y, i)).intoArray(o, i);
        }
      }
      case EXP -> {
        for (int i = off; i < off + n; i += L) {
          fromArray(S, g, i).mul(fromArray(S, y, i)).intoArray(o, i);
        }
      }
      case LOG -> {
        for (int i = off; i < off + n; i += L) {
          fromArray(S, g, i).div(fromArray(S, x, i)).intoArray(o, i);
        }
      }
      case SIGMOID -> sigmoid(y, g, o, off, n);
      case TANH -> {
        for (int i = off; i < off + n; i += L) {
          FloatVector yv = fromArray(S, y, i);
          yv.neg().fma(yv, broadcast(S, 1f)).mul(fromArray(S, g, i)).intoArray(o, i);
        }
      }
      case RELU -> window(x, g, o, off, n, 0f, Float.POSITIVE_INFINITY, 1f);
      case RELU6 -> window(x, g, o, off, n, 0f, 6f, 1f);
      case HARD_SIGMOID -> window(x, g, o, off, n, -3f, 3f, 1f / 6);
      case CLIP -> clip(x, g, o, off, n, a, b);
      case LEAKY_RELU -> {
        for (int i = off; i < off + n; i += L) {
          FloatVector gv = fromArray(S, g, i);
          gv.blend(gv.mul(a), fromArray(S, x, i).lt(0f)).intoArray(o, i);
        }
      }
      case ELU -> elu(x, y, g, o, off, n, a, 1f);
      case SELU -> elu(x, y, g, o, off, n, SELU_ALPHA, SELU_SCALE);
      case GELU_TANH -> geluTanh(x, g, o, off, n);
      case GELU_ERF -> geluErf(x, g, o, off, n);
      case SOFTPLUS -> {
        for (int i = off; i < off + n; i += L) {
          VectorMath.sigmoid(fromArray(S, x, i)).mul(fromArray(S, g, i)).intoArray(o, i);
        }
      }
      case SOFTSIGN -> {
        for (int i = off; i < off + n; i += L) {
          FloatVector d = fromArray(S, x, i).abs().add(1f);
          fromArray(S, g, i).div(d.mul(d)).intoArray(o, i);
        }
      }
      case SILU -> silu(x, g, o, off, n);
    }
  }

  private static void sigmoid(float[] y, float[] g, float[] o, int off, int n) {
    for (int i = off; i < off + n; i += L) {
      FloatVector yv = fromArray(S, y, i);
      yv.neg().add(1f).mul(yv).mul(fromArray(S, g, i)).intoArray(o, i);
    }
  }

  /** {@code g * scale} where {@code lo < x < hi}, else 0 (kinks get 0). */
  private static void window(float[] x, float[] g, float[] o, int off, int n, float lo,
      float hi, float scale) {
    for (int i = off; i < off + n; i += L) {
      FloatVector xv = fromArray(S, x, i);
      var inside = xv.compare(VectorOperators.GT, lo).and(xv.lt(hi));
      broadcast(S, 0f).blend(fromArray(S, g, i).mul(scale), inside).intoArray(o, i);
    }
  }

  /** {@code g} where {@code lo <= x <= hi}, else 0. */
  private static void clip(float[] x, float[] g, float[] o, int off, int n, float lo, float hi) {
    for (int i = off; i < off + n; i += L) {
      FloatVector xv = fromArray(S, x, i);
      var inside = xv.compare(VectorOperators.GE, lo).and(xv.compare(VectorOperators.LE, hi));
      broadcast(S, 0f).blend(fromArray(S, g, i), inside).intoArray(o, i);
    }
  }

  /** ELU/SELU: {@code scale * g} for x > 0, else {@code g * (y + scale * alpha)}. */
  private static void elu(float[] x, float[] y, float[] g, float[] o, int off, int n,
      float alpha, float scale) {
    for (int i = off; i < off + n; i += L) {
      FloatVector gv = fromArray(S, g, i);
      FloatVector neg = fromArray(S, y, i).add(scale * alpha).mul(gv);
      gv.mul(scale).blend(neg, fromArray(S, x, i).compare(VectorOperators.LE, 0f)).intoArray(o, i);
    }
  }

  private static void geluTanh(float[] x, float[] g, float[] o, int off, int n) {
    for (int i = off; i < off + n; i += L) {
      FloatVector xv = fromArray(S, x, i);
      FloatVector x2 = xv.mul(xv);
      FloatVector u = x2.fma(broadcast(S, GELU_C), broadcast(S, 1f)).mul(xv).mul(SQRT_2_OVER_PI);
      FloatVector t = VectorMath.tanh(u);
      FloatVector du = x2.fma(broadcast(S, 3 * GELU_C), broadcast(S, 1f)).mul(SQRT_2_OVER_PI);
      FloatVector sech2 = t.neg().fma(t, broadcast(S, 1f));
      FloatVector d = xv.mul(sech2).mul(du).add(t).add(1f).mul(0.5f);
      d.mul(fromArray(S, g, i)).intoArray(o, i);
    }
  }

  private static void geluErf(float[] x, float[] g, float[] o, int off, int n) {
    for (int i = off; i < off + n; i += L) {
      FloatVector xv = fromArray(S, x, i);
      FloatVector cdf = VectorMath.erfc(xv.mul(-INV_SQRT2)).mul(0.5f);
      FloatVector pdf = VectorMath.exp(xv.mul(xv).mul(-0.5f)).mul(INV_SQRT_2PI);
      xv.fma(pdf, cdf).mul(fromArray(S, g, i)).intoArray(o, i);
    }
  }

  private static void silu(float[] x, float[] g, float[] o, int off, int n) {
    for (int i = off; i < off + n; i += L) {
      FloatVector xv = fromArray(S, x, i);
      FloatVector s = VectorMath.sigmoid(xv);
      // d/dx x s(x) = s (1 + x (1 - s))
      s.neg().add(1f).mul(xv).add(1f).mul(s).mul(fromArray(S, g, i)).intoArray(o, i);
    }
  }
}
