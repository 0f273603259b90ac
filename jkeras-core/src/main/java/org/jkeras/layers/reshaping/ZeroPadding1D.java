package org.jkeras.layers.reshaping;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.Layer;

/** Adds zeros at the start and end of the steps of {@code (batch, steps, features)}. */
public class ZeroPadding1D extends Layer {
  private final int[] padding;

  public ZeroPadding1D() {
    this(1);
  }

  public ZeroPadding1D(int padding) {
    this(padding, padding);
  }

  public ZeroPadding1D(int left, int right) {
    this.padding = Spatial.pair("padding", new int[] {left, right});
    setInputSpec(InputSpec.ndim(3));
  }

  public int[] padding() {
    return padding.clone();
  }

  @Override
  public ZeroPadding1D name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    int steps = in.dim(1);
    return List.of(in.withDim(1, steps == Shape.UNKNOWN ? steps : steps + padding[0] + padding[1]));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return List.of(Spatial.padAxis(inputs.get(0), 1, padding[0], padding[1]));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("padding", Spatial.pairList(padding));
    return c;
  }

  /** A ZeroPadding1D layer from its Keras config. */
  public static ZeroPadding1D fromConfig(Config c) {
    int[] p = c.has("padding") ? Spatial.pair("padding", c.raw("padding"))
        : new int[] {1, 1};
    ZeroPadding1D layer = new ZeroPadding1D(p[0], p[1]);
    layer.applyBaseConfig(c);
    return layer;
  }
}
