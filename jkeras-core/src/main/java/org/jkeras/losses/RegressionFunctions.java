package org.jkeras.losses;

import static org.jkeras.losses.ProbabilisticFunctions.EPSILON;
import static org.jkeras.losses.ProbabilisticFunctions.floats;
import static org.jkeras.ops.CompareOps.lessEqual;
import static org.jkeras.ops.MathOps.abs;
import static org.jkeras.ops.MathOps.add;
import static org.jkeras.ops.MathOps.divide;
import static org.jkeras.ops.MathOps.log;
import static org.jkeras.ops.MathOps.maximum;
import static org.jkeras.ops.MathOps.multiply;
import static org.jkeras.ops.MathOps.negative;
import static org.jkeras.ops.MathOps.sqrt;
import static org.jkeras.ops.MathOps.square;
import static org.jkeras.ops.MathOps.subtract;
import static org.jkeras.ops.MathOps.where;
import static org.jkeras.ops.NnOps.softplus;
import static org.jkeras.ops.ReductionOps.mean;
import static org.jkeras.ops.ReductionOps.sum;

import org.jkeras.backend.Tensor;

/**
 * The regression losses as per-sample functions, each reduced over the last axis as in Keras
 * ({@code mean_squared_error}, {@code huber}, {@code log_cosh}, ...). Callers align ranks first.
 */
public final class RegressionFunctions {
  private static final float LOG_2 = (float) Math.log(2);

  private RegressionFunctions() {}

  public static Tensor meanSquaredError(Tensor yTrue, Tensor yPred) {
    return mean(square(subtract(floats(yTrue), yPred)), -1);
  }

  public static Tensor meanAbsoluteError(Tensor yTrue, Tensor yPred) {
    return mean(abs(subtract(floats(yTrue), yPred)), -1);
  }

  /** {@code 100 * mean(|t - p| / max(|t|, 1e-7))}. */
  public static Tensor meanAbsolutePercentageError(Tensor yTrue, Tensor yPred) {
    Tensor t = floats(yTrue);
    Tensor diff = abs(divide(subtract(t, yPred), maximum(abs(t), EPSILON)));
    return multiply(mean(diff, -1), 100f);
  }

  /** {@code mean((log(max(p, 1e-7) + 1) - log(max(t, 1e-7) + 1))^2)}. */
  public static Tensor meanSquaredLogarithmicError(Tensor yTrue, Tensor yPred) {
    Tensor first = log(add(maximum(yPred, EPSILON), 1f));
    Tensor second = log(add(maximum(floats(yTrue), EPSILON), 1f));
    return mean(square(subtract(first, second)), -1);
  }

  /** Quadratic for errors up to {@code delta}, linear beyond. */
  public static Tensor huber(Tensor yTrue, Tensor yPred, double delta) {
    float d = (float) delta;
    Tensor error = subtract(yPred, floats(yTrue));
    Tensor absError = abs(error);
    Tensor quadratic = multiply(square(error), 0.5f);
    Tensor linear = subtract(multiply(absError, d), 0.5f * d * d);
    return mean(where(lessEqual(absError, d), quadratic, linear), -1);
  }

  /** {@code log(cosh(p - t))} as {@code x + softplus(-2x) - log 2}, which never overflows. */
  public static Tensor logCosh(Tensor yTrue, Tensor yPred) {
    Tensor x = subtract(yPred, floats(yTrue));
    return mean(subtract(add(x, softplus(multiply(x, -2f))), LOG_2), -1);
  }

  /** {@code x / max(||x||, 1e-7)} along {@code axis}. */
  public static Tensor l2Normalize(Tensor x, int axis) {
    Tensor squares = sum(square(x), axis, true);
    return divide(x, sqrt(maximum(squares, EPSILON * EPSILON)));
  }

  /** The cosine of the angle between labels and predictions along {@code axis}. */
  public static Tensor cosineSimilarity(Tensor yTrue, Tensor yPred, int axis) {
    return sum(multiply(l2Normalize(floats(yTrue), axis), l2Normalize(yPred, axis)), axis);
  }

  /** The cosine-similarity loss: the negated cosine, so that minimizing aligns the vectors. */
  public static Tensor cosineSimilarityLoss(Tensor yTrue, Tensor yPred, int axis) {
    return negative(cosineSimilarity(yTrue, yPred, axis));
  }
}
