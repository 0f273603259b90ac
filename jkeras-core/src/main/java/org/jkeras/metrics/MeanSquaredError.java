package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.RegressionFunctions;

/** Keras's {@code MeanSquaredError} metric: the mean of squared errors. */
public final class MeanSquaredError extends MeanMetricWrapper {
  public MeanSquaredError() {
    this("mean_squared_error");
  }

  public MeanSquaredError(String name) {
    super(name);
  }

  static MeanSquaredError fromConfig(Config config) {
    return new MeanSquaredError(config.getString("name", "mean_squared_error"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, RegressionFunctions::meanSquaredError);
  }
}
