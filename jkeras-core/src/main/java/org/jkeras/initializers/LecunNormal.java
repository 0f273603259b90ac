package org.jkeras.initializers;

import java.util.Map;

/** Truncated normal with standard deviation {@code sqrt(1 / fan_in)}: for SELU layers. */
public final class LecunNormal extends VarianceScaling {
  public LecunNormal() {
    this(null);
  }

  public LecunNormal(Long seed) {
    super(1.0, "fan_in", "truncated_normal", seed);
  }

  @Override
  public String className() {
    return "LecunNormal";
  }

  /** Keras writes only the seed for this family. */
  @Override
  public Map<String, Object> getConfig() {
    return seedConfig();
  }
}
