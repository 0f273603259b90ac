package org.jkeras.initializers;

import java.util.Map;

/** Truncated normal with standard deviation {@code sqrt(2 / fan_in)}: for ReLU layers. */
public final class HeNormal extends VarianceScaling {
  public HeNormal() {
    this(null);
  }

  public HeNormal(Long seed) {
    super(2.0, "fan_in", "truncated_normal", seed);
  }

  @Override
  public String className() {
    return "HeNormal";
  }

  /** Keras writes only the seed for this family. */
  @Override
  public Map<String, Object> getConfig() {
    return seedConfig();
  }
}
