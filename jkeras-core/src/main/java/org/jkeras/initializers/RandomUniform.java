package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Uniform values in {@code [minval, maxval)}; Keras's "uniform" is (-0.05, 0.05). */
public record RandomUniform(double minval, double maxval, Long seed) implements Initializer {
  public RandomUniform() {
    this(-0.05, 0.05, null);
  }

  @Override
  public Tensor initialize(Shape shape) {
    return Tensor.randomUniform(shape, (float) minval, (float) maxval, RandomSeeds.orNext(seed));
  }

  @Override
  public String className() {
    return "RandomUniform";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("minval", minval);
    c.put("maxval", maxval);
    c.put("seed", seed);
    return c;
  }
}
