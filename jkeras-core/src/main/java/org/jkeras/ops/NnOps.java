package org.jkeras.ops;

import static org.jkeras.ops.MathOps.k;
import static org.jkeras.ops.MathOps.requireFloat;
import static org.jkeras.ops.MathOps.unary;

import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.UnaryFunction;

/**
 * Activation functions and softmax with gradients ({@code keras.ops} names and defaults). Each is
 * one vectorised kernel forward and one fused kernel backward.
 */
public final class NnOps {
  private NnOps() {}

  /** {@code max(x, 0)}; the gradient at 0 is 0. */
  public static Tensor relu(Tensor x) {
    return unary("relu", UnaryFunction.RELU, x);
  }

  /** {@code min(max(x, 0), 6)}. */
  public static Tensor relu6(Tensor x) {
    return unary("relu6", UnaryFunction.RELU6, x);
  }

  /** {@code 1 / (1 + exp(-x))}. */
  public static Tensor sigmoid(Tensor x) {
    return unary("sigmoid", UnaryFunction.SIGMOID, x);
  }

  /** Keras 3's {@code relu6(x + 3) / 6}. */
  public static Tensor hardSigmoid(Tensor x) {
    return unary("hard_sigmoid", UnaryFunction.HARD_SIGMOID, x);
  }

  public static Tensor tanh(Tensor x) {
    return MathOps.tanh(x);
  }

  /** {@code x} where {@code x >= 0}, else {@code negativeSlope * x}. */
  public static Tensor leakyRelu(Tensor x, float negativeSlope) {
    return unary("leaky_relu", UnaryFunction.LEAKY_RELU, x, negativeSlope, 0f);
  }

  /** Leaky ReLU with {@code keras.ops}'s default negative slope, 0.2. */
  public static Tensor leakyRelu(Tensor x) {
    return leakyRelu(x, 0.2f);
  }

  /** {@code x} where {@code x > 0}, else {@code alpha * (exp(x) - 1)}. */
  public static Tensor elu(Tensor x, float alpha) {
    return unary("elu", UnaryFunction.ELU, x, alpha, 0f);
  }

  /** ELU with Keras's default {@code alpha = 1}. */
  public static Tensor elu(Tensor x) {
    return elu(x, 1f);
  }

  /** Scaled ELU with the self-normalizing constants (alpha 1.6733, scale 1.0507). */
  public static Tensor selu(Tensor x) {
    return unary("selu", UnaryFunction.SELU, x);
  }

  /**
   * Gaussian error linear unit. {@code approximate = true} (Keras's default) uses the tanh
   * formula, false the exact {@code x * Phi(x)}.
   */
  public static Tensor gelu(Tensor x, boolean approximate) {
    return unary("gelu", approximate ? UnaryFunction.GELU_TANH : UnaryFunction.GELU_ERF, x);
  }

  /** GELU with Keras's default tanh approximation. */
  public static Tensor gelu(Tensor x) {
    return gelu(x, true);
  }

  /** {@code log(1 + exp(x))}, computed without overflow. */
  public static Tensor softplus(Tensor x) {
    return unary("softplus", UnaryFunction.SOFTPLUS, x);
  }

  /** {@code x / (1 + |x|)}. */
  public static Tensor softsign(Tensor x) {
    return unary("softsign", UnaryFunction.SOFTSIGN, x);
  }

  /** {@code x * sigmoid(x)} (swish). */
  public static Tensor silu(Tensor x) {
    return unary("silu", UnaryFunction.SILU, x);
  }

  /** Softmax along the last axis. */
  public static Tensor softmax(Tensor x) {
    return softmax(x, -1);
  }

  /** Softmax along {@code axis}, with the maximum subtracted first so it never overflows. */
  public static Tensor softmax(Tensor x, int axis) {
    requireFloat("softmax", x);
    int ax = normalizeAxis("softmax", x, axis);
    Tensor y = k().softmax(x, ax);
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record("softmax", y, new Tensor[] {x},
          g -> new Tensor[] {k().softmaxBackward(y, g, ax)});
    }
    return y;
  }

  /** Log-softmax along the last axis. */
  public static Tensor logSoftmax(Tensor x) {
    return logSoftmax(x, -1);
  }

  /** {@code x - logsumexp(x, axis)}, stable for large inputs. */
  public static Tensor logSoftmax(Tensor x, int axis) {
    requireFloat("log_softmax", x);
    int ax = normalizeAxis("log_softmax", x, axis);
    Tensor y = k().logSoftmax(x, ax);
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record("log_softmax", y, new Tensor[] {x},
          g -> new Tensor[] {k().logSoftmaxBackward(y, g, ax)});
    }
    return y;
  }

  private static int normalizeAxis(String op, Tensor x, int axis) {
    if (x.rank() == 0) {
      throw new JKerasException(
          op + ": needs a tensor of rank 1 or more, got a scalar.");
    }
    try {
      return x.shape().normalizeAxis(axis);
    } catch (JKerasException e) {
      throw new JKerasException(op + ": " + e.getMessage());
    }
  }
}
