package org.jkeras.losses;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Keras's {@code MeanSquaredError} loss: The mean of squared errors over the last axis. */
public final class MeanSquaredError extends FunctionLoss {
  public MeanSquaredError() {
    this("sum_over_batch_size", "mean_squared_error");
  }

  public MeanSquaredError(String reduction, String name) {
    super(name, reduction);
  }

  static MeanSquaredError fromConfig(Config config) {
    return new MeanSquaredError(Losses.reduction(config), Losses.name(config, "mean_squared_error"));
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return RegressionFunctions.meanSquaredError(yTrue, yPred);
  }
}
