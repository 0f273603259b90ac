package org.jkeras.layers.regularization;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.ops.MathOps;

/**
 * Multiplies by Gaussian noise of mean 1 and standard deviation {@code sqrt(rate / (1 - rate))}
 * in training only, as Keras's GaussianDropout.
 */
public class GaussianDropout extends RandomTrainingLayer {
  private final double rate;

  public GaussianDropout(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new JKerasException("Invalid value received for argument `rate`. Expected a float"
          + " value between 0 and 1. Received: rate=" + rate);
    }
    this.rate = rate;
  }

  public double rate() {
    return rate;
  }

  /** Fixes the random stream: two layers with the same seed draw the same noise. */
  public GaussianDropout seed(Integer value) {
    setSeed(value);
    return this;
  }

  @Override
  public GaussianDropout name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    if (!context.training() || rate == 0) {
      return List.of(x);
    }
    float stddev = (float) Math.sqrt(rate / (1.0 - rate));
    return List.of(MathOps.multiply(x, Tensor.randomNormal(x.shape(), 1f, stddev, nextSeed())));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rate", rate);
    c.put("seed", seed());
    return c;
  }

  /** A GaussianDropout layer from its Keras config. */
  public static GaussianDropout fromConfig(Config c) {
    GaussianDropout layer = new GaussianDropout(c.getDouble("rate", 0.0));
    layer.applyBaseConfig(c);
    return layer.seed(seedOf(c));
  }
}
