package org.jkeras.initializers;

import java.util.Map;

/** Uniform in {@code [-limit, limit]}, {@code limit = sqrt(3 / fan_in)}: for SELU layers. */
public final class LecunUniform extends VarianceScaling {
  public LecunUniform() {
    this(null);
  }

  public LecunUniform(Long seed) {
    super(1.0, "fan_in", "uniform", seed);
  }

  @Override
  public String className() {
    return "LecunUniform";
  }

  /** Keras writes only the seed for this family. */
  @Override
  public Map<String, Object> getConfig() {
    return seedConfig();
  }
}
