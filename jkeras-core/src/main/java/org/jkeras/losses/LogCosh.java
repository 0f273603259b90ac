package org.jkeras.losses;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Keras's {@code LogCosh} loss: {@code mean(log(cosh(p - t)))}: quadratic near zero, linear far out, smooth everywhere. */
public final class LogCosh extends FunctionLoss {
  public LogCosh() {
    this("sum_over_batch_size", "log_cosh");
  }

  public LogCosh(String reduction, String name) {
    super(name, reduction);
  }

  static LogCosh fromConfig(Config config) {
    return new LogCosh(Losses.reduction(config), Losses.name(config, "log_cosh"));
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return RegressionFunctions.logCosh(yTrue, yPred);
  }
}
