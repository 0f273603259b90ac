package org.jkeras.initializers;

import java.util.Map;

/**
 * Uniform in {@code [-limit, limit]}, {@code limit = sqrt(6 / (fan_in + fan_out))}: Keras's
 * default kernel initializer.
 */
public final class GlorotUniform extends VarianceScaling {
  public GlorotUniform() {
    this(null);
  }

  public GlorotUniform(Long seed) {
    super(1.0, "fan_avg", "uniform", seed);
  }

  @Override
  public String className() {
    return "GlorotUniform";
  }

  /** Keras writes only the seed for this family. */
  @Override
  public Map<String, Object> getConfig() {
    return seedConfig();
  }
}
