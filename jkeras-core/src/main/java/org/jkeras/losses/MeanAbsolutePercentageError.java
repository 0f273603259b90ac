package org.jkeras.losses;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Keras's {@code MeanAbsolutePercentageError} loss: {@code 100 * mean(|t - p| / max(|t|, 1e-7))} over the last axis. */
public final class MeanAbsolutePercentageError extends FunctionLoss {
  public MeanAbsolutePercentageError() {
    this("sum_over_batch_size", "mean_absolute_percentage_error");
  }

  public MeanAbsolutePercentageError(String reduction, String name) {
    super(name, reduction);
  }

  static MeanAbsolutePercentageError fromConfig(Config config) {
    return new MeanAbsolutePercentageError(Losses.reduction(config), Losses.name(config, "mean_absolute_percentage_error"));
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return RegressionFunctions.meanAbsolutePercentageError(yTrue, yPred);
  }
}
