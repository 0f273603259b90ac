package org.jkeras.layers.pooling;

import java.util.Collections;
import java.util.List;
import org.jkeras.backend.DType;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.ReductionOps;

/**
 * Global average pooling over the steps of {@code (batch, steps, features)}, as Keras's
 * GlobalAveragePooling1D; with a {@code (batch, steps)} mask it averages the unmasked steps only.
 */
public class GlobalAveragePooling1D extends BaseGlobalPooling {
  public GlobalAveragePooling1D() {
    super(1, false);
  }

  /** Keeps the steps axis with size 1. */
  public GlobalAveragePooling1D keepdims(boolean value) {
    setKeepdims(value);
    return this;
  }

  @Override
  public GlobalAveragePooling1D name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, CallContext context) {
    Tensor mask = masks.get(0);
    if (mask == null) {
      return call(inputs, context);
    }
    Tensor x = inputs.get(0);
    Tensor m = ArrayOps.expandDims(MathOps.cast(mask, DType.BOOL), 2);
    Tensor kept = MathOps.where(m, x, Tensor.scalar(0f));
    Tensor count = ReductionOps.sum(MathOps.cast(m, DType.FLOAT32), 1, keepdims());
    return List.of(MathOps.divide(ReductionOps.sum(kept, 1, keepdims()), count));
  }

  /** The steps are pooled away, so no mask goes on (Keras returns None). */
  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    return Collections.singletonList(null);
  }

  /** A GlobalAveragePooling1D layer from its Keras config. */
  public static GlobalAveragePooling1D fromConfig(Config c) {
    return configure(new GlobalAveragePooling1D(), c);
  }
}
