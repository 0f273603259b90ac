package org.jkeras.layers.merging;

import org.jkeras.backend.Tensor;
import org.jkeras.ops.MathOps;

/** The elementwise mean of its inputs, as Keras's Average. */
public class Average extends Merge {
  @Override
  protected Tensor merge(Tensor a, Tensor b) {
    return MathOps.add(a, b);
  }

  @Override
  protected Tensor finish(Tensor merged, int count) {
    return MathOps.multiply(merged, Tensor.scalar(1f / count));
  }

  @Override
  public Average name(String newName) {
    super.name(newName);
    return this;
  }
}
