package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.HingeFunctions;

/** Keras's {@code SquaredHinge} metric: the mean squared hinge loss. */
public final class SquaredHinge extends MeanMetricWrapper {
  public SquaredHinge() {
    this("squared_hinge");
  }

  public SquaredHinge(String name) {
    super(name);
  }

  static SquaredHinge fromConfig(Config config) {
    return new SquaredHinge(config.getString("name", "squared_hinge"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, HingeFunctions::squaredHinge);
  }
}
