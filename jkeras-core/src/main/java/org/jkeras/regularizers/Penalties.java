package org.jkeras.regularizers;

import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.ReductionOps;

/** The two penalties Keras's regularizers are made of, and its check on their factors. */
final class Penalties {
  private Penalties() {}

  /** {@code factor * sum(|x|)}. */
  static Tensor l1(double factor, Tensor x) {
    return MathOps.multiply(ReductionOps.sum(MathOps.abs(x)), (float) factor);
  }

  /** {@code factor * sum(x^2)}. */
  static Tensor l2(double factor, Tensor x) {
    return MathOps.multiply(ReductionOps.sum(MathOps.square(x)), (float) factor);
  }

  /** Keras's {@code validate_float_arg}: a finite, non-negative factor. */
  static double check(double value, String name) {
    if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
      throw new JKerasException("Invalid value for argument " + name + ": expected a"
          + " non-negative float.Received: " + name + "=" + value);
    }
    return value;
  }
}
