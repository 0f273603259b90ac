package org.jkeras.backend;

/** Elementwise maths, activations and softmax. Inputs are never modified. */
public interface MathKernels {
  /** {@code fn(x)} elementwise on a float32 tensor. */
  default Tensor unary(UnaryFunction fn, Tensor x) {
    return unary(fn, x, 0f, 0f);
  }

  /** {@code fn(x)} elementwise, with the parameters some functions take ({@link UnaryFunction}). */
  Tensor unary(UnaryFunction fn, Tensor x, float alpha, float beta);

  /**
   * The fused gradient {@code grad * fn'(x)}, given the forward input {@code x} and output {@code
   * y} (each function uses whichever is cheaper).
   */
  Tensor unaryBackward(UnaryFunction fn, Tensor x, Tensor y, Tensor grad, float alpha, float beta);

  /**
   * The gradient with respect to the pre-activation of a fused activation, {@code grad *
   * activation'(y)} from its output {@code y} (softmax over the last axis); linear returns
   * {@code grad}.
   */
  Tensor fusedActivationBackward(FusedActivation activation, Tensor y, Tensor grad);

  /** {@code fn(a, b)} elementwise on float32 tensors with numpy broadcasting. */
  Tensor binary(BinaryFunction fn, Tensor a, Tensor b);

  /** A bool tensor of {@code fn(a, b)} with numpy broadcasting; any numeric dtypes. */
  Tensor compare(Comparison fn, Tensor a, Tensor b);

  /** The bool tensor {@code x == 0}. */
  Tensor logicalNot(Tensor x);

  /** {@code condition ? x : y} elementwise, all three broadcast together; x and y are float32. */
  Tensor where(Tensor condition, Tensor x, Tensor y);

  /** {@code x} converted to {@code dtype} (floats truncate toward zero; bool is {@code x != 0}). */
  Tensor cast(Tensor x, DType dtype);

  /** Softmax along {@code axis} (already normalized), stable for large inputs. */
  Tensor softmax(Tensor x, int axis);

  /** Log-softmax along {@code axis} (already normalized). */
  Tensor logSoftmax(Tensor x, int axis);

  /** The gradient of softmax from its output {@code y}: {@code y * (g - sum(g * y, axis))}. */
  Tensor softmaxBackward(Tensor y, Tensor grad, int axis);

  /** The gradient of log-softmax from its output {@code y}: {@code g - exp(y) * sum(g, axis)}. */
  Tensor logSoftmaxBackward(Tensor y, Tensor grad, int axis);
}
