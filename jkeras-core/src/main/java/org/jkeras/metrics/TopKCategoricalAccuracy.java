package org.jkeras.metrics;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code TopKCategoricalAccuracy} metric: the share of one-hot labels among the {@code k}
 * largest predictions.
 */
public final class TopKCategoricalAccuracy extends MeanMetricWrapper {
  private final int k;

  public TopKCategoricalAccuracy() {
    this(5, "top_k_categorical_accuracy");
  }

  public TopKCategoricalAccuracy(int k, String name) {
    super(name);
    this.k = k;
  }

  static TopKCategoricalAccuracy fromConfig(Config config) {
    return new TopKCategoricalAccuracy(config.getInt("k", 5),
        config.getString("name", "top_k_categorical_accuracy"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return AccuracyFunctions.topKCategoricalAccuracy(yTrue, yPred, k);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("k", k);
    return c;
  }
}
