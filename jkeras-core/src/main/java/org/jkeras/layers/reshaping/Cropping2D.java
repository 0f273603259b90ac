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

/**
 * Drops rows and columns at the edges of {@code (batch, rows, cols, channels)} images:
 * {@code ((top, bottom), (left, right))}, channels_last.
 */
public class Cropping2D extends Layer {
  private final int[][] cropping;

  public Cropping2D() {
    this(0);
  }

  public Cropping2D(int cropping) {
    this(cropping, cropping);
  }

  /** Symmetric cropping: {@code height} rows top and bottom, {@code width} columns each side. */
  public Cropping2D(int height, int width) {
    this(new int[][] {{height, height}, {width, width}});
  }

  /** {@code ((top, bottom), (left, right))}. */
  public Cropping2D(int[][] cropping) {
    this.cropping = Spatial.pairs2("cropping",
        List.of(List.of(cropping[0][0], cropping[0][1]), List.of(cropping[1][0], cropping[1][1])));
    setInputSpec(InputSpec.ndim(4));
  }

  public int[][] cropping() {
    return new int[][] {cropping[0].clone(), cropping[1].clone()};
  }

  @Override
  public Cropping2D name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    int[] out = in.dims();
    for (int i = 0; i < 2; i++) {
      int d = in.dim(1 + i);
      if (d != Shape.UNKNOWN && cropping[i][0] + cropping[i][1] >= d) {
        throw new JKerasException("Values in `cropping` argument should be smaller than the"
            + " corresponding spatial dimension of the input. Received: input_shape=" + in
            + ", cropping=" + Spatial.pairs(cropping));
      }
      out[1 + i] = d == Shape.UNKNOWN ? d : d - cropping[i][0] - cropping[i][1];
    }
    return List.of(Shape.of(out));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    computeOutputShapes(List.of(x.shape()));
    Tensor y = Spatial.cropAxis(x, 1, cropping[0][0], cropping[0][1]);
    return List.of(Spatial.cropAxis(y, 2, cropping[1][0], cropping[1][1]));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("cropping", Spatial.pairsList(cropping));
    c.put("data_format", "channels_last");
    return c;
  }

  /** A Cropping2D layer from its Keras config. */
  public static Cropping2D fromConfig(Config c) {
    Cropping2D layer = new Cropping2D(c.has("cropping")
        ? Spatial.pairs2("cropping", c.raw("cropping"))
        : new int[][] {{0, 0}, {0, 0}});
    layer.applyBaseConfig(c);
    return layer;
  }
}
