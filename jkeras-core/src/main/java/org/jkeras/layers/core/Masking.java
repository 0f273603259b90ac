package org.jkeras.layers.core;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jkeras.layers.ShapePreservingLayer;
import org.jkeras.backend.DType;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.ops.CompareOps;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.ReductionOps;

/**
 * Masks the timesteps whose features all equal {@code mask_value}: the output is zero there and
 * the layer's mask {@code (batch, time)} is false there, so recurrent and pooling layers
 * downstream skip those steps, as Keras's Masking.
 */
public class Masking extends ShapePreservingLayer {
  private final double maskValue;

  public Masking() {
    this(0.0);
  }

  public Masking(double maskValue) {
    this.maskValue = maskValue;
  }

  public double maskValue() {
    return maskValue;
  }

  @Override
  public Masking name(String newName) {
    super.name(newName);
    return this;
  }

  /** True where any feature of a step differs from the mask value (bool). */
  private Tensor keep(Tensor x, boolean keepdims) {
    Tensor differs = MathOps.cast(CompareOps.notEqual(x, (float) maskValue), DType.FLOAT32);
    return CompareOps.greater(ReductionOps.max(differs, -1, keepdims), 0f);
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    return Collections.singletonList(keep(inputs.get(0), false));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    return List.of(MathOps.multiply(x, MathOps.cast(keep(x, true), DType.FLOAT32)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("mask_value", maskValue);
    return c;
  }

  /** A Masking layer from its Keras config. */
  public static Masking fromConfig(Config c) {
    Masking layer = new Masking(c.getDouble("mask_value", 0.0));
    layer.applyBaseConfig(c);
    return layer;
  }
}
