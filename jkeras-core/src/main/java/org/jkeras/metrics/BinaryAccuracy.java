package org.jkeras.metrics;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code BinaryAccuracy} metric: the share of predictions above {@code threshold} that
 * match 0/1 labels.
 */
public final class BinaryAccuracy extends MeanMetricWrapper {
  private final double threshold;

  public BinaryAccuracy() {
    this(0.5, "binary_accuracy");
  }

  public BinaryAccuracy(double threshold, String name) {
    super(name);
    this.threshold = threshold;
  }

  static BinaryAccuracy fromConfig(Config config) {
    return new BinaryAccuracy(config.getDouble("threshold", 0.5),
        config.getString("name", "binary_accuracy"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return AccuracyFunctions.binaryAccuracy(yTrue, yPred, threshold);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("threshold", threshold);
    return c;
  }
}
