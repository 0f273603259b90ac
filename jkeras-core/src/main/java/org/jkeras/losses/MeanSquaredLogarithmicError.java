package org.jkeras.losses;

import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Keras's {@code MeanSquaredLogarithmicError} loss: The mean squared difference of {@code log(1 + x)}, for targets spanning magnitudes. */
public final class MeanSquaredLogarithmicError extends FunctionLoss {
  public MeanSquaredLogarithmicError() {
    this("sum_over_batch_size", "mean_squared_logarithmic_error");
  }

  public MeanSquaredLogarithmicError(String reduction, String name) {
    super(name, reduction);
  }

  static MeanSquaredLogarithmicError fromConfig(Config config) {
    return new MeanSquaredLogarithmicError(Losses.reduction(config), Losses.name(config, "mean_squared_logarithmic_error"));
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return RegressionFunctions.meanSquaredLogarithmicError(yTrue, yPred);
  }
}
