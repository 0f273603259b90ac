package org.jkeras.backend;

/** Reductions, broadcasting and data movement. Inputs are never modified. */
public interface ArrayKernels {
  /**
   * Reduces {@code x} over {@code axes} (already normalized, ascending, no duplicates); with
   * {@code keepdims} the reduced axes stay as size 1.
   */
  Tensor reduce(Reduction reduction, Tensor x, int[] axes, boolean keepdims);

  /** {@code x} broadcast to {@code shape} (a new, materialized tensor). */
  Tensor broadcastTo(Tensor x, Shape shape);
}
