package org.jkeras.metrics;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.RegressionFunctions;

/** Keras's {@code LogCoshError} metric: the mean of {@code log(cosh(p - t))}. */
public final class LogCoshError extends MeanMetricWrapper {
  public LogCoshError() {
    this("logcosh");
  }

  public LogCoshError(String name) {
    super(name);
  }

  static LogCoshError fromConfig(Config config) {
    return new LogCoshError(config.getString("name", "logcosh"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, RegressionFunctions::logCosh);
  }
}
