package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.ProbabilisticFunctions;

/** Keras's {@code Poisson} metric: the mean Poisson loss. */
public final class Poisson extends MeanMetricWrapper {
  public Poisson() {
    this("poisson");
  }

  public Poisson(String name) {
    super(name);
  }

  static Poisson fromConfig(Config config) {
    return new Poisson(config.getString("name", "poisson"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, ProbabilisticFunctions::poisson);
  }
}
