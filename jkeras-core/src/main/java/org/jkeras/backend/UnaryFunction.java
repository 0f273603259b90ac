package org.jkeras.backend;

/**
 * Elementwise float32 functions of one argument, computed by {@link MathKernels#unary} and
 * differentiated by {@link MathKernels#unaryBackward}. A few take parameters, passed as {@code
 * alpha} and {@code beta} (named on each constant); the others ignore them.
 */
public enum UnaryFunction {
  NEGATIVE,
  ABS,
  SIGN,
  SQUARE,
  SQRT,
  EXP,
  LOG,
  SIGMOID,
  TANH,
  RELU,
  RELU6,
  /** {@code relu6(x + 3) / 6}, as Keras 3 defines it. */
  HARD_SIGMOID,
  /** {@code alpha} is the negative slope. */
  LEAKY_RELU,
  /** {@code alpha} scales the negative part. */
  ELU,
  SELU,
  /** GELU with the tanh approximation (Keras's default). */
  GELU_TANH,
  /** Exact GELU, {@code x * Phi(x)}. */
  GELU_ERF,
  SOFTPLUS,
  SOFTSIGN,
  SILU,
  /** {@code alpha} is the lower bound and {@code beta} the upper bound. */
  CLIP;

  /** The Keras op name, for error messages. */
  public String kerasName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
