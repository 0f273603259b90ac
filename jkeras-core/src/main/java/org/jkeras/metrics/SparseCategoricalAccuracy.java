package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code SparseCategoricalAccuracy} metric: the share of argmax predictions equal to the
 * integer label.
 */
public final class SparseCategoricalAccuracy extends MeanMetricWrapper {
  public SparseCategoricalAccuracy() {
    this("sparse_categorical_accuracy");
  }

  public SparseCategoricalAccuracy(String name) {
    super(name);
  }

  static SparseCategoricalAccuracy fromConfig(Config config) {
    return new SparseCategoricalAccuracy(config.getString("name", "sparse_categorical_accuracy"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return AccuracyFunctions.sparseCategoricalAccuracy(yTrue, yPred);
  }
}
