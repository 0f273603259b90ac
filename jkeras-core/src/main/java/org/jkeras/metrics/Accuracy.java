package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Keras's {@code Accuracy} metric: the share of predictions exactly equal to the labels. */
public final class Accuracy extends MeanMetricWrapper {
  public Accuracy() {
    this("accuracy");
  }

  public Accuracy(String name) {
    super(name);
  }

  static Accuracy fromConfig(Config config) {
    return new Accuracy(config.getString("name", "accuracy"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return AccuracyFunctions.accuracy(yTrue, yPred);
  }
}
