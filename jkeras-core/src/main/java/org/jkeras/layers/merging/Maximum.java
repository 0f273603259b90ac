package org.jkeras.layers.merging;

import org.jkeras.backend.Tensor;
import org.jkeras.ops.MathOps;

/** The elementwise maximum of its inputs. As Keras's Maximum. */
public class Maximum extends Merge {
  @Override
  protected Tensor merge(Tensor a, Tensor b) {
    return MathOps.maximum(a, b);
  }

  @Override
  public Maximum name(String newName) {
    super.name(newName);
    return this;
  }
}
