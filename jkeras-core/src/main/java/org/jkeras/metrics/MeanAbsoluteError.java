package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.RegressionFunctions;

/** Keras's {@code MeanAbsoluteError} metric: the mean of absolute errors. */
public final class MeanAbsoluteError extends MeanMetricWrapper {
  public MeanAbsoluteError() {
    this("mean_absolute_error");
  }

  public MeanAbsoluteError(String name) {
    super(name);
  }

  static MeanAbsoluteError fromConfig(Config config) {
    return new MeanAbsoluteError(config.getString("name", "mean_absolute_error"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, RegressionFunctions::meanAbsoluteError);
  }
}
