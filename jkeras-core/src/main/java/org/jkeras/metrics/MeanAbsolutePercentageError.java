package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.RegressionFunctions;

/** Keras's {@code MeanAbsolutePercentageError} metric: the mean absolute percentage error. */
public final class MeanAbsolutePercentageError extends MeanMetricWrapper {
  public MeanAbsolutePercentageError() {
    this("mean_absolute_percentage_error");
  }

  public MeanAbsolutePercentageError(String name) {
    super(name);
  }

  static MeanAbsolutePercentageError fromConfig(Config config) {
    return new MeanAbsolutePercentageError(
        config.getString("name", "mean_absolute_percentage_error"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, RegressionFunctions::meanAbsolutePercentageError);
  }
}
