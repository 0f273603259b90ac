package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.HingeFunctions;

/** Keras's {@code Hinge} metric: the mean hinge loss. */
public final class Hinge extends MeanMetricWrapper {
  public Hinge() {
    this("hinge");
  }

  public Hinge(String name) {
    super(name);
  }

  static Hinge fromConfig(Config config) {
    return new Hinge(config.getString("name", "hinge"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, HingeFunctions::hinge);
  }
}
