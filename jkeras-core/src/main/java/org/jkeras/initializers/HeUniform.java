package org.jkeras.initializers;

import java.util.Map;

/** Uniform in {@code [-limit, limit]}, {@code limit = sqrt(6 / fan_in)}: for ReLU layers. */
public final class HeUniform extends VarianceScaling {
  public HeUniform() {
    this(null);
  }

  public HeUniform(Long seed) {
    super(2.0, "fan_in", "uniform", seed);
  }

  @Override
  public String className() {
    return "HeUniform";
  }

  /** Keras writes only the seed for this family. */
  @Override
  public Map<String, Object> getConfig() {
    return seedConfig();
  }
}
