package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Uniform in {@code [-limit, limit]} with {@code limit = sqrt(6 / (fan_in + fan_out))}: Keras's default kernel initializer. */
public record GlorotUniform(Long seed) implements Initializer {
  public GlorotUniform() {
    this(null);
  }

  @Override
  public Tensor initialize(Shape shape) {
    Fans f = Fans.of(shape);
    float limit = (float) Math.sqrt(6.0 / Math.max(1.0, f.in() + f.out()));
    return Tensor.randomUniform(shape, -limit, limit, RandomSeeds.orNext(seed));
  }

  @Override
  public String className() {
    return "GlorotUniform";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("seed", seed);
    return c;
  }
}
