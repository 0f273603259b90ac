package org.jkeras.layers.reshaping;

import java.util.List;
import java.util.Map;
import org.jkeras.config.Config;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ArrayOps;

/** Flattens every axis but the batch: {@code (None, 4, 4, 8)} becomes {@code (None, 128)}. */
public class Flatten extends Layer {
  public Flatten() {
    setInputSpec(InputSpec.minNdim(1));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    long n = 1;
    for (int i = 1; i < in.rank(); i++) {
      if (in.dim(i) == Shape.UNKNOWN) {
        return List.of(Shape.of(in.dim(0), Shape.UNKNOWN));
      }
      n *= in.dim(i);
    }
    return List.of(Shape.of(in.dim(0), (int) n));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    return List.of(ArrayOps.reshape(x, x.shape().dim(0), -1));
  }

  @Override
  public Flatten name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("data_format", "channels_last");
    return c;
  }

  /** A Flatten layer from its Keras config. */
  public static Flatten fromConfig(Config c) {
    Flatten f = new Flatten();
    f.applyBaseConfig(c);
    return f;
  }
}
