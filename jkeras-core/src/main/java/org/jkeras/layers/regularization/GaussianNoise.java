package org.jkeras.layers.regularization;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.ops.MathOps;

/** Adds zero-mean Gaussian noise of {@code stddev} in training only, as Keras's GaussianNoise. */
public class GaussianNoise extends RandomTrainingLayer {
  private final double stddev;

  public GaussianNoise(double stddev) {
    if (!(stddev >= 0 && stddev <= 1)) {
      throw new JKerasException("Invalid value received for argument `stddev`. Expected a float"
          + " value between 0 and 1. Received: stddev=" + stddev);
    }
    this.stddev = stddev;
  }

  public double stddev() {
    return stddev;
  }

  /** Fixes the random stream: two layers with the same seed draw the same noise. */
  public GaussianNoise seed(Integer value) {
    setSeed(value);
    return this;
  }

  @Override
  public GaussianNoise name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    if (!context.training() || stddev == 0) {
      return List.of(x);
    }
    return List.of(MathOps.add(x,
        Tensor.randomNormal(x.shape(), 0f, (float) stddev, nextSeed())));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("stddev", stddev);
    c.put("seed", seed());
    return c;
  }

  /** A GaussianNoise layer from its Keras config. */
  public static GaussianNoise fromConfig(Config c) {
    GaussianNoise layer = new GaussianNoise(c.getDouble("stddev", 0.0));
    layer.applyBaseConfig(c);
    return layer.seed(seedOf(c));
  }
}
