package org.jkeras.losses;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Keras's {@code Hinge} loss: {@code mean(max(1 - t * p, 0))}; labels of 0 and 1 are read as -1 and 1. */
public final class Hinge extends FunctionLoss {
  public Hinge() {
    this("sum_over_batch_size", "hinge");
  }

  public Hinge(String reduction, String name) {
    super(name, reduction);
  }

  static Hinge fromConfig(Config config) {
    return new Hinge(Losses.reduction(config), Losses.name(config, "hinge"));
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return HingeFunctions.hinge(yTrue, yPred);
  }
}
