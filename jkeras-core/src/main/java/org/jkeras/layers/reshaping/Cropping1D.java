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

/** Drops steps at the start and end of {@code (batch, steps, features)}. */
public class Cropping1D extends Layer {
  private final int[] cropping;

  public Cropping1D() {
    this(1, 1);
  }

  public Cropping1D(int cropping) {
    this(cropping, cropping);
  }

  public Cropping1D(int start, int end) {
    this.cropping = Spatial.pair("cropping", new int[] {start, end});
    setInputSpec(InputSpec.ndim(3));
  }

  public int[] cropping() {
    return cropping.clone();
  }

  @Override
  public Cropping1D name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    if (in.dim(1) == Shape.UNKNOWN) {
      return List.of(in);
    }
    int length = in.dim(1) - cropping[0] - cropping[1];
    if (length <= 0) {
      throw new JKerasException("`cropping` parameter of `Cropping1D` layer must be smaller than"
          + " the input length. Received: input_shape=" + in + ", cropping="
          + Spatial.tuple(cropping));
    }
    return List.of(in.withDim(1, length));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    computeOutputShapes(List.of(x.shape()));
    return List.of(Spatial.cropAxis(x, 1, cropping[0], cropping[1]));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("cropping", Spatial.pairList(cropping));
    return c;
  }

  /** A Cropping1D layer from its Keras config. */
  public static Cropping1D fromConfig(Config c) {
    int[] p = c.has("cropping") ? Spatial.pair("cropping", c.raw("cropping"))
        : new int[] {1, 1};
    Cropping1D layer = new Cropping1D(p[0], p[1]);
    layer.applyBaseConfig(c);
    return layer;
  }
}
