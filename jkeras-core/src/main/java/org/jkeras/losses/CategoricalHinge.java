package org.jkeras.losses;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Keras's {@code CategoricalHinge} loss: {@code max(max((1 - t) * p) - sum(t * p) + 1, 0)} for one-hot labels. */
public final class CategoricalHinge extends FunctionLoss {
  public CategoricalHinge() {
    this("sum_over_batch_size", "categorical_hinge");
  }

  public CategoricalHinge(String reduction, String name) {
    super(name, reduction);
  }

  static CategoricalHinge fromConfig(Config config) {
    return new CategoricalHinge(Losses.reduction(config), Losses.name(config, "categorical_hinge"));
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return HingeFunctions.categoricalHinge(yTrue, yPred);
  }
}
