package org.jkeras.losses;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code CategoricalCrossentropy}: one-hot (or soft) labels against a probability
 * distribution along {@code axis}, or logits with {@code fromLogits}. {@code labelSmoothing}
 * spreads {@code s / classes} over every class: {@code t * (1 - s) + s / classes}.
 */
public final class CategoricalCrossentropy extends FunctionLoss {
  private final boolean fromLogits;
  private final double labelSmoothing;
  private final int axis;

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
    super(name, reduction);
    this.fromLogits = fromLogits;
    this.labelSmoothing = labelSmoothing;
    this.axis = axis;
  }

  static CategoricalCrossentropy fromConfig(Config config) {
    return new CategoricalCrossentropy(config.getBoolean("from_logits", false),
        config.getDouble("label_smoothing", 0.0), config.getInt("axis", -1),
        Losses.reduction(config), Losses.name(config, "categorical_crossentropy"));
  }

  public boolean fromLogits() {
    return fromLogits;
  }

  public double labelSmoothing() {
    return labelSmoothing;
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return ProbabilisticFunctions.categoricalCrossentropy(
        yTrue, yPred, fromLogits, labelSmoothing, axis);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("label_smoothing", labelSmoothing);
    c.put("axis", axis);
    return c;
  }
}
