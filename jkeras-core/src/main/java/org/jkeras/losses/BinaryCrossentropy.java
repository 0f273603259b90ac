package org.jkeras.losses;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code BinaryCrossentropy}: for labels in {0, 1} (or soft labels) against
 * probabilities, or logits with {@code fromLogits}. {@code labelSmoothing} pulls labels toward
 * 0.5: {@code t * (1 - s) + 0.5 * s}.
 */
public final class BinaryCrossentropy extends SmoothedCrossentropy {
  public BinaryCrossentropy() {
    this(false, 0.0);
  }

  public BinaryCrossentropy(boolean fromLogits) {
    this(fromLogits, 0.0);
  }

  public BinaryCrossentropy(boolean fromLogits, double labelSmoothing) {
    this(fromLogits, labelSmoothing, -1, "sum_over_batch_size", "binary_crossentropy");
  }

  public BinaryCrossentropy(boolean fromLogits, double labelSmoothing, int axis,
      String reduction, String name) {
    super(fromLogits, labelSmoothing, axis, reduction, name);
  }

  static BinaryCrossentropy fromConfig(Config config) {
    return new BinaryCrossentropy(config.getBoolean("from_logits", false),
        config.getDouble("label_smoothing", 0.0), config.getInt("axis", -1),
        Losses.reduction(config), Losses.name(config, "binary_crossentropy"));
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return ProbabilisticFunctions.binaryCrossentropy(
        yTrue, yPred, fromLogits, labelSmoothing, axis);
  }
}
