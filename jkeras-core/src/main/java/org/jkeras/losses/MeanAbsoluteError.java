package org.jkeras.losses;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Keras's {@code MeanAbsoluteError} loss: The mean of absolute errors over the last axis. */
public final class MeanAbsoluteError extends FunctionLoss {
  public MeanAbsoluteError() {
    this("sum_over_batch_size", "mean_absolute_error");
  }

  public MeanAbsoluteError(String reduction, String name) {
    super(name, reduction);
  }

  static MeanAbsoluteError fromConfig(Config config) {
    return new MeanAbsoluteError(Losses.reduction(config), Losses.name(config, "mean_absolute_error"));
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return RegressionFunctions.meanAbsoluteError(yTrue, yPred);
  }
}
