package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.HingeFunctions;

/** Keras's {@code CategoricalHinge} metric: the mean categorical hinge loss. */
public final class CategoricalHinge extends MeanMetricWrapper {
  public CategoricalHinge() {
    this("categorical_hinge");
  }

  public CategoricalHinge(String name) {
    super(name);
  }

  static CategoricalHinge fromConfig(Config config) {
    return new CategoricalHinge(config.getString("name", "categorical_hinge"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, HingeFunctions::categoricalHinge);
  }
}
