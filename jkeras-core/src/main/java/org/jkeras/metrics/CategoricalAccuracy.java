package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code CategoricalAccuracy} metric: the share of argmax predictions at the one-hot
 * label.
 */
public final class CategoricalAccuracy extends MeanMetricWrapper {
  public CategoricalAccuracy() {
    this("categorical_accuracy");
  }

  public CategoricalAccuracy(String name) {
    super(name);
  }

  static CategoricalAccuracy fromConfig(Config config) {
    return new CategoricalAccuracy(config.getString("name", "categorical_accuracy"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return AccuracyFunctions.categoricalAccuracy(yTrue, yPred);
  }
}
