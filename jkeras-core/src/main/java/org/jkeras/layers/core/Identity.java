package org.jkeras.layers.core;

import java.util.List;
import org.jkeras.layers.ShapePreservingLayer;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;

/** Returns its input unchanged (and passes its mask on), as Keras's Identity. */
public class Identity extends ShapePreservingLayer {
  @Override
  public Identity name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return List.of(inputs.get(0));
  }

  /** An Identity layer from its Keras config. */
  public static Identity fromConfig(Config c) {
    Identity layer = new Identity();
    layer.applyBaseConfig(c);
    return layer;
  }
}
