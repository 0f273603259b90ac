package org.jkeras.metrics;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code SparseTopKCategoricalAccuracy} metric: the share of integer labels among the
 * {@code k} largest predictions.
 */
public final class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
  private final int k;

  public SparseTopKCategoricalAccuracy() {
    this(5, "sparse_top_k_categorical_accuracy");
  }

  public SparseTopKCategoricalAccuracy(int k, String name) {
    super(name);
    this.k = k;
  }

  static SparseTopKCategoricalAccuracy fromConfig(Config config) {
    return new SparseTopKCategoricalAccuracy(config.getInt("k", 5),
        config.getString("name", "sparse_top_k_categorical_accuracy"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return AccuracyFunctions.sparseTopKCategoricalAccuracy(yTrue, yPred, k);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("k", k);
    return c;
  }
}
