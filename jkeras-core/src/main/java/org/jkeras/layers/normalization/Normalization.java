package org.jkeras.layers.normalization;

import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.ops.MathOps;

/** What BatchNormalization and LayerNormalization share: axis checks and the affine formula. */
final class Normalization {
  private Normalization() {}

  /** The non-negative index of {@code axis} in {@code shape}, which must be known there. */
  static int resolveAxis(String layer, int axis, Shape shape) {
    int a = axis < 0 ? axis + shape.rank() : axis;
    if (a < 0 || a >= shape.rank()) {
      throw new JKerasException("Axis " + axis + " is out of bounds for input shape " + shape
          + ". Ensure axis is within the range of input dimensions.");
    }
    if (shape.dim(a) == Shape.UNKNOWN) {
      throw new JKerasException("Axis " + axis + " of input tensor should have a defined"
          + " dimension but the layer '" + layer + "' received an input with shape " + shape
          + ".");
    }
    return a;
  }

  /**
   * Keras's formula: {@code inv = gamma / sqrt(variance + epsilon)}, then {@code x * inv +
   * (beta - mean * inv)}; {@code gamma} and {@code beta} may be null. All operands broadcast
   * against {@code x}.
   */
  static Tensor normalize(Tensor x, Tensor mean, Tensor variance, Tensor gamma, Tensor beta,
      double epsilon) {
    Tensor inv = MathOps.divide(1f, MathOps.sqrt(MathOps.add(variance, (float) epsilon)));
    if (gamma != null) {
      inv = MathOps.multiply(inv, gamma);
    }
    Tensor res = MathOps.negative(MathOps.multiply(mean, inv));
    if (beta != null) {
      res = MathOps.add(res, beta);
    }
    return MathOps.add(MathOps.multiply(x, inv), res);
  }

  /** Refuses config keys jkeras cannot honour yet (regularizers, constraints) when set. */
  static void refuseUnsupported(Config c, String... keys) {
    for (String k : keys) {
      if (c.has(k)) {
        throw new JKerasException("Config key '" + k + "' = " + c.raw(k) + " is not supported by"
            + " this jkeras layer; only null is accepted.");
      }
    }
  }
}
