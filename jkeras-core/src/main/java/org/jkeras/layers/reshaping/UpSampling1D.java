package org.jkeras.layers.reshaping;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.Layer;

/** Repeats each step of {@code (batch, steps, features)} {@code size} times, as Keras's. */
public class UpSampling1D extends Layer {
  private final int size;

  public UpSampling1D() {
    this(2);
  }

  public UpSampling1D(int size) {
    if (size <= 0) {
      throw new JKerasException(
          "Argument `size` should be a positive integer. Received: size=" + size);
    }
    this.size = size;
    setInputSpec(InputSpec.ndim(3));
  }

  public int size() {
    return size;
  }

  @Override
  public UpSampling1D name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    return List.of(in.withDim(1, in.dim(1) == Shape.UNKNOWN ? Shape.UNKNOWN : in.dim(1) * size));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return List.of(Spatial.repeatAxis(inputs.get(0), 1, size));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("size", size);
    return c;
  }

  /** An UpSampling1D layer from its Keras config. */
  public static UpSampling1D fromConfig(Config c) {
    UpSampling1D layer = new UpSampling1D(c.getInt("size", 2));
    layer.applyBaseConfig(c);
    return layer;
  }
}
