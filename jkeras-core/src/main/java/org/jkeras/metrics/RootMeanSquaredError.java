package org.jkeras.metrics;

import static org.jkeras.ops.MathOps.square;
import static org.jkeras.ops.MathOps.subtract;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Keras's {@code RootMeanSquaredError}: the square root of the weighted mean squared error. */
public final class RootMeanSquaredError extends MeanMetricWrapper {
  public RootMeanSquaredError() {
    this("root_mean_squared_error");
  }

  public RootMeanSquaredError(String name) {
    super(name);
  }

  static RootMeanSquaredError fromConfig(Config config) {
    return new RootMeanSquaredError(config.getString("name", "root_mean_squared_error"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, (t, p) -> square(subtract(p, t)));
  }

  @Override
  public double result() {
    return Math.sqrt(super.result());
  }
}
