package org.jkeras.ops;

import org.jkeras.backend.Backend;
import org.jkeras.backend.FusedActivation;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Reduction;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * What the fused {@code activation(product + bias)} ops (Dense's {@link LinalgOps#dense}, {@link
 * ConvOps#conv(Tensor, Tensor, Tensor, FusedActivation, int[], String, int[])}) share: the bias
 * check and the backward of the bias and activation tail.
 */
final class FusedEpilogue {
  private FusedEpilogue() {}

  /** Throws naming {@code op} unless {@code bias} is null or a float32 vector of {@code units}. */
  static void checkBias(String op, Tensor bias, int units, Shape kernelShape) {
    if (bias == null) {
      return;
    }
    if (bias.rank() != 1 || bias.shape().dim(0) != units) {
      throw IncompatibleShapesException.of(op, kernelShape, bias.shape(),
          "the bias needs shape " + Shape.of(units) + ", one value per output unit (the"
              + " kernel's last axis).");
    }
    MathOps.requireFloat(op, bias);
  }

  /** Throws naming {@code op} when {@code activation} is null. */
  static void checkActivation(String op, FusedActivation activation) {
    if (activation == null) {
      throw new JKerasException(op + ": the activation is null; pass FusedActivation.LINEAR"
          + " for none.");
    }
  }

  /** The gradient with respect to the pre-activation, from the op's output {@code y}. */
  static Tensor preActivationGradient(FusedActivation activation, Tensor y, Tensor grad) {
    return Backend.current().math().fusedActivationBackward(activation, y, grad);
  }

  /** The bias gradient: {@code dz} summed over every axis but the last. */
  static Tensor biasGradient(Tensor dz) {
    int units = dz.shape().dim(-1);
    int rows = units == 0 ? 0 : dz.size() / units;
    return Backend.current().arrays()
        .reduce(Reduction.SUM, dz.withShape(Shape.of(rows, units)), new int[] {0}, false);
  }
}
