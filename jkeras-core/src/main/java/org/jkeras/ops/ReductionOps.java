package org.jkeras.ops;

import org.jkeras.backend.ArrayKernels;
import org.jkeras.backend.Backend;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Reduction;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * Reductions with gradients ({@code keras.ops} names). Each takes an axis, several axes, or none
 * (every axis); negative axes count from the end, and {@code keepdims} keeps reduced axes as size
 * 1. They take float32 tensors; {@code var} and {@code std} are the population statistics (divide
 * by n), as numpy's and Keras's defaults.
 */
public final class ReductionOps {
  private ReductionOps() {}

  private static ArrayKernels k() {
    return Backend.current().arrays();
  }

  /** The sum of all elements. */
  public static Tensor sum(Tensor x) {
    return sum(x, null, false);
  }

  public static Tensor sum(Tensor x, int axis) {
    return sum(x, new int[] {axis}, false);
  }

  public static Tensor sum(Tensor x, int axis, boolean keepdims) {
    return sum(x, new int[] {axis}, keepdims);
  }

  /** The sum over {@code axes} (null for all axes). */
  public static Tensor sum(Tensor x, int[] axes, boolean keepdims) {
    return reduce("sum", Reduction.SUM, x, axes, keepdims);
  }

  /** The mean of all elements. */
  public static Tensor mean(Tensor x) {
    return mean(x, null, false);
  }

  public static Tensor mean(Tensor x, int axis) {
    return mean(x, new int[] {axis}, false);
  }

  public static Tensor mean(Tensor x, int axis, boolean keepdims) {
    return mean(x, new int[] {axis}, keepdims);
  }

  public static Tensor mean(Tensor x, int[] axes, boolean keepdims) {
    return reduce("mean", Reduction.MEAN, x, axes, keepdims);
  }

  /** The largest element; NaN if any element is NaN. */
  public static Tensor max(Tensor x) {
    return max(x, null, false);
  }

  public static Tensor max(Tensor x, int axis) {
    return max(x, new int[] {axis}, false);
  }

  public static Tensor max(Tensor x, int axis, boolean keepdims) {
    return max(x, new int[] {axis}, keepdims);
  }

  /** The maximum over {@code axes}; its gradient is split evenly between tied maxima. */
  public static Tensor max(Tensor x, int[] axes, boolean keepdims) {
    return reduce("max", Reduction.MAX, x, axes, keepdims);
  }

  /** The smallest element; NaN if any element is NaN. */
  public static Tensor min(Tensor x) {
    return min(x, null, false);
  }

  public static Tensor min(Tensor x, int axis) {
    return min(x, new int[] {axis}, false);
  }

  public static Tensor min(Tensor x, int axis, boolean keepdims) {
    return min(x, new int[] {axis}, keepdims);
  }

  /** The minimum over {@code axes}; its gradient is split evenly between tied minima. */
  public static Tensor min(Tensor x, int[] axes, boolean keepdims) {
    return reduce("min", Reduction.MIN, x, axes, keepdims);
  }

  /** The product of all elements. */
  public static Tensor prod(Tensor x) {
    return prod(x, null, false);
  }

  public static Tensor prod(Tensor x, int axis) {
    return prod(x, new int[] {axis}, false);
  }

  public static Tensor prod(Tensor x, int axis, boolean keepdims) {
    return prod(x, new int[] {axis}, keepdims);
  }

  /** The product over {@code axes}; the gradient is exact when inputs contain zeros too. */
  public static Tensor prod(Tensor x, int[] axes, boolean keepdims) {
    return reduce("prod", Reduction.PROD, x, axes, keepdims);
  }

  /** The population variance of all elements. */
  public static Tensor var(Tensor x) {
    return var(x, null, false);
  }

  public static Tensor var(Tensor x, int axis) {
    return var(x, new int[] {axis}, false);
  }

  public static Tensor var(Tensor x, int axis, boolean keepdims) {
    return var(x, new int[] {axis}, keepdims);
  }

  /** The population variance (dividing by n) over {@code axes}. */
  public static Tensor var(Tensor x, int[] axes, boolean keepdims) {
    return reduce("var", Reduction.VAR, x, axes, keepdims);
  }

  /** The population standard deviation of all elements. */
  public static Tensor std(Tensor x) {
    return std(x, null, false);
  }

  public static Tensor std(Tensor x, int axis) {
    return std(x, new int[] {axis}, false);
  }

  public static Tensor std(Tensor x, int axis, boolean keepdims) {
    return std(x, new int[] {axis}, keepdims);
  }

  /**
   * The population standard deviation over {@code axes}. Where it is 0 (all values equal) the
   * gradient is taken as 0 rather than TensorFlow's and JAX's NaN.
   */
  public static Tensor std(Tensor x, int[] axes, boolean keepdims) {
    return reduce("std", Reduction.STD, x, axes, keepdims);
  }

  /** The flat (row-major) int32 index of the first largest element. */
  public static Tensor argmax(Tensor x) {
    return argExtreme("argmax", x.withShape(Shape.of(x.size())), 0, false, true);
  }

  /** The int32 index of the first largest element along {@code axis} (no gradient). */
  public static Tensor argmax(Tensor x, int axis) {
    return argmax(x, axis, false);
  }

  public static Tensor argmax(Tensor x, int axis, boolean keepdims) {
    return argExtreme("argmax", x, axis, keepdims, true);
  }

  /** The flat (row-major) int32 index of the first smallest element. */
  public static Tensor argmin(Tensor x) {
    return argExtreme("argmin", x.withShape(Shape.of(x.size())), 0, false, false);
  }

  /** The int32 index of the first smallest element along {@code axis} (no gradient). */
  public static Tensor argmin(Tensor x, int axis) {
    return argmin(x, axis, false);
  }

  public static Tensor argmin(Tensor x, int axis, boolean keepdims) {
    return argExtreme("argmin", x, axis, keepdims, false);
  }

  private static Tensor reduce(
      String op, Reduction reduction, Tensor x, int[] axes, boolean keepdims) {
    Axes.requireFloat(op, x);
    int[] ax = Axes.normalize(op, x.shape(), axes);
    if (reduction == Reduction.MAX || reduction == Reduction.MIN) {
      requireNonEmpty(op, x.shape(), ax);
    }
    Tensor y = k().reduce(reduction, x, ax, keepdims);
    if (GradientTape.shouldRecord(x)) {
      Shape kept = Axes.kept(x.shape(), ax);
      GradientTape.record(op, y, new Tensor[] {x}, g -> new Tensor[] {
        reduction == Reduction.SUM ? k().broadcastTo(g.withShape(kept), x.shape())
            : k().reduceGradient(reduction, x, y.withShape(kept), g.withShape(kept), ax)
      });
    }
    return y;
  }

  private static Tensor argExtreme(String op, Tensor x, int axis, boolean keepdims, boolean max) {
    Axes.requireFloat(op, x);
    int a = Axes.normalize(op, x.shape(), axis);
    requireNonEmpty(op, x.shape(), new int[] {a});
    Tensor y = k().argExtreme(x, a, max);
    return keepdims ? y.withShape(x.shape().withDim(a, 1)) : y;
  }

  private static void requireNonEmpty(String op, Shape shape, int[] axes) {
    for (int a : axes) {
      if (shape.dim(a) == 0) {
        throw new JKerasException(op + ": cannot reduce axis " + a + " of shape " + shape
            + ": it has size 0 and " + op + " of no values is undefined.");
      }
    }
  }
}
