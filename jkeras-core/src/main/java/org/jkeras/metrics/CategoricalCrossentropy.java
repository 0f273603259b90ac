package org.jkeras.metrics;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.ProbabilisticFunctions;

/** Keras's {@code CategoricalCrossentropy} metric: the mean categorical cross-entropy. */
public final class CategoricalCrossentropy extends MeanMetricWrapper {
  private final boolean fromLogits;
  private final double labelSmoothing;
  private final int axis;

  public CategoricalCrossentropy() {
    this(false, 0.0, -1, "categorical_crossentropy");
  }

  public CategoricalCrossentropy(boolean fromLogits, double labelSmoothing, int axis,
      String name) {
    super(name);
    this.fromLogits = fromLogits;
    this.labelSmoothing = labelSmoothing;
    this.axis = axis;
  }

  static CategoricalCrossentropy fromConfig(Config config) {
    return new CategoricalCrossentropy(config.getBoolean("from_logits", false),
        config.getDouble("label_smoothing", 0.0), config.getInt("axis", -1),
        config.getString("name", "categorical_crossentropy"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, (t, p) ->
        ProbabilisticFunctions.categoricalCrossentropy(t, p, fromLogits, labelSmoothing, axis));
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
