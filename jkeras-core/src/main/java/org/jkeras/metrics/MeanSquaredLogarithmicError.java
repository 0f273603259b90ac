package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.RegressionFunctions;

/** Keras's {@code MeanSquaredLogarithmicError} metric: the mean squared logarithmic error. */
public final class MeanSquaredLogarithmicError extends MeanMetricWrapper {
  public MeanSquaredLogarithmicError() {
    this("mean_squared_logarithmic_error");
  }

  public MeanSquaredLogarithmicError(String name) {
    super(name);
  }

  static MeanSquaredLogarithmicError fromConfig(Config config) {
    return new MeanSquaredLogarithmicError(
        config.getString("name", "mean_squared_logarithmic_error"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, RegressionFunctions::meanSquaredLogarithmicError);
  }
}
