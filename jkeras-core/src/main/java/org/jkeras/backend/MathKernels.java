package org.jkeras.backend;

/** Elementwise maths on float32 tensors. Inputs are never modified. */
public interface MathKernels {
  /** {@code fn(x)} elementwise. */
  Tensor unary(UnaryFunction fn, Tensor x);

  /** {@code fn(a, b)} elementwise with numpy broadcasting. */
  Tensor binary(BinaryFunction fn, Tensor a, Tensor b);
}
