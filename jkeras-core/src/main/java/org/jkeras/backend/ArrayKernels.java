package org.jkeras.backend;

import java.util.List;

/**
 * Reductions, broadcasting and data movement. Inputs are never modified. Data movement kernels
 * (broadcast, transpose, concatenate, slice, take) accept every dtype; reductions take float32.
 * Arguments arrive validated by the ops layer (axes normalized, shapes checked), except index
 * values, which only a kernel reads.
 */
public interface ArrayKernels {
  /**
   * Reduces {@code x} over {@code axes} (already normalized, ascending, no duplicates); with
   * {@code keepdims} the reduced axes stay as size 1.
   */
  Tensor reduce(Reduction reduction, Tensor x, int[] axes, boolean keepdims);

  /**
   * The gradient of {@code reduce(reduction, x, axes)} with respect to {@code x}, given the
   * reduction's result {@code y} and its gradient {@code g}, both in keepdims shape. MAX and MIN
   * split the gradient evenly between tied extremes (as TensorFlow and JAX do); PROD is exact
   * for inputs holding zeros too.
   */
  Tensor reduceGradient(Reduction reduction, Tensor x, Tensor y, Tensor g, int[] axes);

  /** The int32 index of the largest ({@code max}) or smallest value along {@code axis}. */
  Tensor argExtreme(Tensor x, int axis, boolean max);

  /** {@code x} broadcast to {@code shape} (a new, materialized tensor). */
  Tensor broadcastTo(Tensor x, Shape shape);

  /** {@code x} with its axes permuted: output axis {@code i} is input axis {@code perm[i]}. */
  Tensor transpose(Tensor x, int[] perm);

  /** The inputs (same dtype, equal shapes except along {@code axis}) joined along {@code axis}. */
  Tensor concatenate(List<Tensor> xs, int axis);

  /** The block of {@code x} starting at {@code start} with the given shape (in bounds). */
  Tensor slice(Tensor x, int[] start, Shape shape);

  /** Zeros of {@code shape} with {@code g} written at {@code start}: the gradient of slice. */
  Tensor sliceGradient(Tensor g, int[] start, Shape shape);

  /**
   * Gathers entries of {@code x} along {@code axis} at int32/int64 {@code indices} of any shape;
   * the result replaces that axis by the indices' shape. Negative indices count from the end;
   * others out of range raise a {@link JKerasException} naming the index and the axis size.
   */
  Tensor take(Tensor x, Tensor indices, int axis);

  /** The gradient of take: {@code g} scatter-added into zeros of {@code shape} along an axis. */
  Tensor takeGradient(Tensor g, Tensor indices, int axis, Shape shape);

  /**
   * A float32 tensor of shape {@code indices.shape + (numClasses,)} with a 1 at each index;
   * indices outside {@code [0, numClasses)} give a row of zeros, as in TensorFlow and JAX.
   */
  Tensor oneHot(Tensor indices, int numClasses);
}
