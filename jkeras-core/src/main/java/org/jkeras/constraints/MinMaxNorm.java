package org.jkeras.constraints;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.ops.MathOps;

/**
 * Moves each slice's L2 norm along {@code axis} toward {@code [min_value, max_value]}: the new
 * norm is {@code rate * clip(norm, min, max) + (1 - rate) * norm} (Keras's MinMaxNorm, defaults
 * 0, 1, rate 1 (strict), axis 0).
 */
public final class MinMaxNorm extends BuiltinConstraint {
  private final Number minValue;
  private final Number maxValue;
  private final Number rate;
  private final NormAxes axis;

  public MinMaxNorm() {
    this(0.0, 1.0, 1.0, NormAxes.of(0));
  }

  public MinMaxNorm(double minValue, double maxValue) {
    this(minValue, maxValue, 1.0, NormAxes.of(0));
  }

  public MinMaxNorm(double minValue, double maxValue, double rate, int... axis) {
    this(minValue, maxValue, rate, NormAxes.of(axis));
  }

  MinMaxNorm(Number minValue, Number maxValue, Number rate, NormAxes axis) {
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.rate = rate;
    this.axis = axis;
  }

  static MinMaxNorm fromConfig(Config c) {
    return new MinMaxNorm(number(c, "min_value", 0.0), number(c, "max_value", 1.0),
        number(c, "rate", 1.0), NormAxes.fromConfig(c.raw("axis")));
  }

  private static Number number(Config c, String key, double fallback) {
    return c.raw(key) instanceof Number n ? n : c.getDouble(key, fallback);
  }

  public double minValue() {
    return minValue.doubleValue();
  }

  public double maxValue() {
    return maxValue.doubleValue();
  }

  public double rate() {
    return rate.doubleValue();
  }

  public int[] axis() {
    return axis.axes().clone();
  }

  @Override
  public Tensor apply(Tensor w) {
    Tensor norms = axis.norms(w);
    float r = rate.floatValue();
    Tensor desired = MathOps.add(
        MathOps.multiply(MathOps.clip(norms, minValue.floatValue(), maxValue.floatValue()), r),
        MathOps.multiply(norms, 1f - r));
    return NormAxes.rescale(w, desired, norms);
  }

  @Override
  public String className() {
    return "MinMaxNorm";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("min_value", minValue);
    c.put("max_value", maxValue);
    c.put("rate", rate);
    c.put("axis", axis.toConfig());
    return c;
  }
}
