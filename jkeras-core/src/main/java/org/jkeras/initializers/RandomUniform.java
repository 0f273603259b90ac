package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Uniform values in {@code [minval, maxval)}; Keras's "uniform" is (-0.05, 0.05). */
public final class RandomUniform extends RandomInitializer {
  private final double minval;
  private final double maxval;

  public RandomUniform() {
    this(-0.05, 0.05, null);
  }

  public RandomUniform(double minval, double maxval, Long seed) {
    super(seed);
    this.minval = minval;
    this.maxval = maxval;
  }

  public double minval() {
    return minval;
  }

  public double maxval() {
    return maxval;
  }

  @Override
  public Tensor initialize(Shape shape) {
    return Tensor.randomUniform(shape, (float) minval, (float) maxval, drawSeed());
  }

  @Override
  public String className() {
    return "RandomUniform";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("minval", minval);
    c.put("maxval", maxval);
    c.put("seed", seed());
    return c;
  }
}
