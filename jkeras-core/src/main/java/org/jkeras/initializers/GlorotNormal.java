package org.jkeras.initializers;

import java.util.Map;

/**
 * Truncated normal with standard deviation {@code sqrt(2 / (fan_in + fan_out))} (Xavier
 * normal).
 */
public final class GlorotNormal extends VarianceScaling {
  public GlorotNormal() {
    this(null);
  }

  public GlorotNormal(Long seed) {
    super(1.0, "fan_avg", "truncated_normal", seed);
  }

  @Override
  public String className() {
    return "GlorotNormal";
  }

  /** Keras writes only the seed for this family. */
  @Override
  public Map<String, Object> getConfig() {
    return seedConfig();
  }
}
