package org.jkeras.losses;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Keras's {@code SquaredHinge} loss: {@code mean(max(1 - t * p, 0)^2)}; labels of 0 and 1 are read as -1 and 1. */
public final class SquaredHinge extends FunctionLoss {
  public SquaredHinge() {
    this("sum_over_batch_size", "squared_hinge");
  }

  public SquaredHinge(String reduction, String name) {
    super(name, reduction);
  }

  static SquaredHinge fromConfig(Config config) {
    return new SquaredHinge(Losses.reduction(config), Losses.name(config, "squared_hinge"));
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return HingeFunctions.squaredHinge(yTrue, yPred);
  }
}
