package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.ProbabilisticFunctions;

/** Keras's {@code KLDivergence} metric: the mean Kullback-Leibler divergence. */
public final class KLDivergence extends MeanMetricWrapper {
  public KLDivergence() {
    this("kl_divergence");
  }

  public KLDivergence(String name) {
    super(name);
  }

  static KLDivergence fromConfig(Config config) {
    return new KLDivergence(config.getString("name", "kl_divergence"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, ProbabilisticFunctions::klDivergence);
  }
}
