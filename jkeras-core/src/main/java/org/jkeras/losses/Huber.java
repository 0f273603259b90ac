package org.jkeras.losses;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code Huber} loss: {@code 0.5 * e^2} for errors up to {@code delta}, then
 * {@code delta * |e| - 0.5 * delta^2}, so outliers pull linearly rather than quadratically.
 */
public final class Huber extends FunctionLoss {
  private final double delta;

  public Huber() {
    this(1.0);
  }

  public Huber(double delta) {
    this(delta, "sum_over_batch_size", "huber_loss");
  }

  public Huber(double delta, String reduction, String name) {
    super(name, reduction);
    this.delta = delta;
  }

  static Huber fromConfig(Config config) {
    return new Huber(config.getDouble("delta", 1.0), Losses.reduction(config),
        Losses.name(config, "huber_loss"));
  }

  public double delta() {
    return delta;
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return RegressionFunctions.huber(yTrue, yPred, delta);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("delta", delta);
    return c;
  }
}
