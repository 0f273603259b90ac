package org.jkeras.constraints;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.ops.MathOps;

/** Rescales each slice along {@code axis} to unit L2 norm (Keras's UnitNorm, axis 0). */
public final class UnitNorm extends BuiltinConstraint {
  private final NormAxes axis;

  public UnitNorm() {
    this(NormAxes.of(0));
  }

  public UnitNorm(int... axis) {
    this(NormAxes.of(axis));
  }

  UnitNorm(NormAxes axis) {
    this.axis = axis;
  }

  public int[] axis() {
    return axis.axes().clone();
  }

  @Override
  public Tensor apply(Tensor w) {
    return MathOps.divide(w, MathOps.add(axis.norms(w), NormAxes.EPSILON));
  }

  @Override
  public String className() {
    return "UnitNorm";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("axis", axis.toConfig());
    return c;
  }
}
