package org.jkeras.losses;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Keras's {@code Poisson} loss: {@code mean(p - t * log(p + 1e-7))}, for count targets. */
public final class Poisson extends FunctionLoss {
  public Poisson() {
    this("sum_over_batch_size", "poisson");
  }

  public Poisson(String reduction, String name) {
    super(name, reduction);
  }

  static Poisson fromConfig(Config config) {
    return new Poisson(Losses.reduction(config), Losses.name(config, "poisson"));
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return ProbabilisticFunctions.poisson(yTrue, yPred);
  }
}
