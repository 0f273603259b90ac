package org.jkeras.layers.merging;

import org.jkeras.backend.Tensor;
import org.jkeras.ops.MathOps;

/** Adds its inputs elementwise. As Keras's Add. */
public class Add extends Merge {
  @Override
  protected Tensor merge(Tensor a, Tensor b) {
    return MathOps.add(a, b);
  }

  @Override
  public Add name(String newName) {
    super.name(newName);
    return this;
  }
}
