package org.jkeras.constraints;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.ops.MathOps;

/**
 * Scales down each slice of a weight whose L2 norm along {@code axis} exceeds {@code max_value}
 * (Keras's MaxNorm, defaults 2 and axis 0: each unit's incoming weights of a Dense kernel; use
 * axes {@code 0, 1, 2} for each filter of a Conv2D kernel).
 */
public final class MaxNorm extends BuiltinConstraint {
  private final Number maxValue;
  private final NormAxes axis;

  public MaxNorm() {
    this(2, NormAxes.of(0));
  }

  public MaxNorm(double maxValue) {
    this(maxValue, NormAxes.of(0));
  }

  public MaxNorm(double maxValue, int... axis) {
    this(maxValue, NormAxes.of(axis));
  }

  MaxNorm(Number maxValue, NormAxes axis) {
    this.maxValue = maxValue;
    this.axis = axis;
  }

  static MaxNorm fromConfig(Config c) {
    Object v = c.raw("max_value");
    return new MaxNorm(v instanceof Number n ? n : 2, NormAxes.fromConfig(c.raw("axis")));
  }

  public double maxValue() {
    return maxValue.doubleValue();
  }

  public int[] axis() {
    return axis.axes().clone();
  }

  @Override
  public Tensor apply(Tensor w) {
    Tensor norms = axis.norms(w);
    Tensor desired = MathOps.clip(norms, 0f, maxValue.floatValue());
    return NormAxes.rescale(w, desired, norms);
  }

  @Override
  public String className() {
    return "MaxNorm";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("max_value", maxValue);
    c.put("axis", axis.toConfig());
    return c;
  }
}
