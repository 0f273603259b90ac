package org.jkeras.layers.merging;

import org.jkeras.backend.Tensor;
import org.jkeras.ops.MathOps;

/** Multiplies its inputs elementwise. As Keras's Multiply. */
public class Multiply extends Merge {
  @Override
  protected Tensor merge(Tensor a, Tensor b) {
    return MathOps.multiply(a, b);
  }

  @Override
  public Multiply name(String newName) {
    super.name(newName);
    return this;
  }
}
