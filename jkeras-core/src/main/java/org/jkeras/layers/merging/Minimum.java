package org.jkeras.layers.merging;

import org.jkeras.backend.Tensor;
import org.jkeras.ops.MathOps;

/** The elementwise minimum of its inputs. As Keras's Minimum. */
public class Minimum extends Merge {
  @Override
  protected Tensor merge(Tensor a, Tensor b) {
    return MathOps.minimum(a, b);
  }

  @Override
  public Minimum name(String newName) {
    super.name(newName);
    return this;
  }
}
