package org.jkeras.metrics;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.ProbabilisticFunctions;

/** Keras's {@code BinaryCrossentropy} metric: the mean binary cross-entropy of the samples. */
public final class BinaryCrossentropy extends MeanMetricWrapper {
  private final boolean fromLogits;
  private final double labelSmoothing;

  public BinaryCrossentropy() {
    this(false, 0.0, "binary_crossentropy");
  }

  public BinaryCrossentropy(boolean fromLogits, double labelSmoothing, String name) {
    super(name);
    this.fromLogits = fromLogits;
    this.labelSmoothing = labelSmoothing;
  }

  static BinaryCrossentropy fromConfig(Config config) {
    return new BinaryCrossentropy(config.getBoolean("from_logits", false),
        config.getDouble("label_smoothing", 0.0), config.getString("name", "binary_crossentropy"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, (t, p) ->
        ProbabilisticFunctions.binaryCrossentropy(t, p, fromLogits, labelSmoothing, -1));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("label_smoothing", labelSmoothing);
    return c;
  }
}
