package org.jkeras.losses;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Keras's {@code KLDivergence} loss: {@code sum(t * log(t / p))}, both clipped to {@code [1e-7, 1]}. */
public final class KLDivergence extends FunctionLoss {
  public KLDivergence() {
    this("sum_over_batch_size", "kl_divergence");
  }

  public KLDivergence(String reduction, String name) {
    super(name, reduction);
  }

  static KLDivergence fromConfig(Config config) {
    return new KLDivergence(Losses.reduction(config), Losses.name(config, "kl_divergence"));
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return ProbabilisticFunctions.klDivergence(yTrue, yPred);
  }
}
