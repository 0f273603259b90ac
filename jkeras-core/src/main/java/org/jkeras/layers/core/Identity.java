package org.jkeras.layers.core;

import java.util.List;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;

/** Returns its input unchanged (and passes its mask on), as Keras's Identity. */
public class Identity extends Layer {
  @Override
  public Identity name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected boolean supportsMasking() {
    return true;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    return List.of(inputShapes.get(0));
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
