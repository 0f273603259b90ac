package org.jkeras.losses;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code CategoricalCrossentropy}: one-hot (or soft) labels against a probability
 * distribution along {@code axis}, or logits with {@code fromLogits}. {@code labelSmoothing}
 * spreads {@code s / classes} over every class: {@code t * (1 - s) + s / classes}.
 */
public final class CategoricalCrossentropy extends SmoothedCrossentropy {
  public CategoricalCrossentropy() {
    this(false, 0.0);
  }

  public CategoricalCrossentropy(boolean fromLogits) {
    this(fromLogits, 0.0);
  }

  public CategoricalCrossentropy(boolean fromLogits, double labelSmoothing) {
    this(fromLogits, labelSmoothing, -1, "sum_over_batch_size", "categorical_crossentropy");
  }

  public CategoricalCrossentropy(boolean fromLogits, double labelSmoothing, int axis,
      String reduction, String name) {
    super(fromLogits, labelSmoothing, axis, reduction, name);
  }

  static CategoricalCrossentropy fromConfig(Config config) {
    return new CategoricalCrossentropy(config.getBoolean("from_logits", false),
        config.getDouble("label_smoothing", 0.0), config.getInt("axis", -1),
        Losses.reduction(config), Losses.name(config, "categorical_crossentropy"));
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return ProbabilisticFunctions.categoricalCrossentropy(
        yTrue, yPred, fromLogits, labelSmoothing, axis);
  }
}
