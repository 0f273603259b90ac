package org.jkeras.constraints;

import org.jkeras.backend.DType;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.CompareOps;
import org.jkeras.ops.MathOps;

/** Sets negative values to zero (Keras's NonNeg): {@code w * (w >= 0)}. */
public final class NonNeg extends BuiltinConstraint {
  @Override
  public Tensor apply(Tensor w) {
    return MathOps.multiply(w, MathOps.cast(CompareOps.greaterEqual(w, 0f), DType.FLOAT32));
  }

  @Override
  public String className() {
    return "NonNeg";
  }
}
