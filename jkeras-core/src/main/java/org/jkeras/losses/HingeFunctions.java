package org.jkeras.losses;

import static org.jkeras.losses.ProbabilisticFunctions.floats;
import static org.jkeras.ops.MathOps.add;
import static org.jkeras.ops.MathOps.maximum;
import static org.jkeras.ops.MathOps.multiply;
import static org.jkeras.ops.MathOps.square;
import static org.jkeras.ops.MathOps.subtract;
import static org.jkeras.ops.ReductionOps.max;
import static org.jkeras.ops.ReductionOps.mean;
import static org.jkeras.ops.ReductionOps.sum;

import org.jkeras.backend.Tensor;

/** The maximum-margin losses as per-sample functions ({@code hinge} and its variants). */
public final class HingeFunctions {
  private HingeFunctions() {}

  /** Labels of only 0 and 1 become -1 and 1, as Keras does; other labels stay as they are. */
  static Tensor hingeLabels(Tensor yTrue) {
    Tensor t = floats(yTrue);
    float[] values = t.toFloatArray();
    for (float v : values) {
      if (v != 0f && v != 1f) {
        return t;
      }
    }
    return subtract(multiply(t, 2f), 1f);
  }

  /** {@code mean(max(1 - t * p, 0))} over the last axis. */
  public static Tensor hinge(Tensor yTrue, Tensor yPred) {
    Tensor t = hingeLabels(yTrue);
    return mean(maximum(subtract(1f, multiply(t, yPred)), 0f), -1);
  }

  /** {@code mean(max(1 - t * p, 0)^2)} over the last axis. */
  public static Tensor squaredHinge(Tensor yTrue, Tensor yPred) {
    Tensor t = hingeLabels(yTrue);
    return mean(square(maximum(subtract(1f, multiply(t, yPred)), 0f)), -1);
  }

  /** {@code max(neg - pos + 1, 0)}: the best wrong score against the right one. */
  public static Tensor categoricalHinge(Tensor yTrue, Tensor yPred) {
    Tensor t = floats(yTrue);
    Tensor pos = sum(multiply(t, yPred), -1);
    Tensor neg = max(multiply(subtract(1f, t), yPred), -1);
    return maximum(add(subtract(neg, pos), 1f), 0f);
  }
}
