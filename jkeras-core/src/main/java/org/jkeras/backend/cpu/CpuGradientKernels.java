package org.jkeras.backend.cpu;

import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;

/**
 * The element loops around an optimizer step that are not an update rule: gradient clipping and
 * unscaling (into new tensors, never touching the caller's gradients), weight decay, gradient
 * accumulation and the weights' moving average (in place on optimizer-owned or model variables).
 * Arithmetic is float32, as Keras's is; only the sum of squares accumulates in double.
 */
public final class CpuGradientKernels {
  private static final long WORK = 4;

  private CpuGradientKernels() {}

  /** {@code sum(t * t)}, accumulated in double. */
  public static double sumOfSquares(Tensor t) {
    float[] x = t.floatData();
    double s = 0;
    for (float v : x) {
      s += (double) v * v;
    }
    return s;
  }

  /** A new tensor {@code g * mul / div}, element by element in float32. */
  public static Tensor scaled(Tensor g, float mul, float div) {
    float[] x = g.floatData();
    float[] out = new float[x.length];
    CpuThreads.parallelFor(x.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        out[i] = x[i] * mul / div;
      }
    });
    return Tensor.wrap(out, g.shape());
  }

  /** A new tensor with every element of {@code g} clipped to {@code [lo, hi]}. */
  public static Tensor clipped(Tensor g, float min, float max) {
    float[] x = g.floatData();
    float[] out = new float[x.length];
    CpuThreads.parallelFor(x.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        out[i] = Math.min(Math.max(x[i], min), max);
      }
    });
    return Tensor.wrap(out, g.shape());
  }

  /** A new tensor {@code (g + acc) / steps}: the mean gradient over an accumulation window. */
  public static Tensor averaged(Tensor g, Tensor acc, float steps) {
    float[] x = g.floatData();
    float[] a = acc.floatData();
    float[] out = new float[x.length];
    CpuThreads.parallelFor(x.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        out[i] = (x[i] + a[i]) / steps;
      }
    });
    return Tensor.wrap(out, g.shape());
  }

  /** {@code acc += g} in place. */
  public static void addInPlace(Variable acc, Tensor g) {
    float[] a = acc.floatData();
    float[] x = g.floatData();
    CpuThreads.parallelFor(a.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        a[i] += x[i];
      }
    });
  }

  /** Sets every element of {@code v} to {@code value}. */
  public static void fill(Variable v, float value) {
    java.util.Arrays.fill(v.floatData(), value);
  }

  /** Decoupled weight decay in place, Keras 3's {@code v = v - v * wd * lr}. */
  public static void decayInPlace(Variable v, float wd, float lr) {
    float[] w = v.floatData();
    CpuThreads.parallelFor(w.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        w[i] = w[i] - w[i] * wd * lr;
      }
    });
  }

  /** The moving average of a weight in place: {@code avg = m * avg + (1 - m) * value}. */
  public static void movingAverageInPlace(Variable avg, Tensor value, float momentum) {
    float[] a = avg.floatData();
    float[] x = value.floatData();
    float rest = 1 - momentum;
    CpuThreads.parallelFor(a.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        a[i] = momentum * a[i] + rest * x[i];
      }
    });
  }
}
