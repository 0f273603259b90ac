package org.jkeras.layers.reshaping;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.Layer;

/**
 * Adds rows and columns of zeros around {@code (batch, rows, cols, channels)} images:
 * {@code ((top, bottom), (left, right))}, channels_last.
 */
public class ZeroPadding2D extends Layer {
  private final int[][] padding;

  public ZeroPadding2D() {
    this(1);
  }

  public ZeroPadding2D(int padding) {
    this(padding, padding);
  }

  /** Symmetric padding: {@code height} rows top and bottom, {@code width} columns each side. */
  public ZeroPadding2D(int height, int width) {
    this(new int[][] {{height, height}, {width, width}});
  }

  /** {@code ((top, bottom), (left, right))}. */
  public ZeroPadding2D(int[][] padding) {
    this.padding = Spatial.pairs2("padding",
        List.of(List.of(padding[0][0], padding[0][1]), List.of(padding[1][0], padding[1][1])));
    setInputSpec(InputSpec.ndim(4));
  }

  public int[][] padding() {
    return new int[][] {padding[0].clone(), padding[1].clone()};
  }

  @Override
  public ZeroPadding2D name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    int[] out = inputShapes.get(0).dims();
    for (int i = 0; i < 2; i++) {
      if (out[1 + i] != Shape.UNKNOWN) {
        out[1 + i] += padding[i][0] + padding[i][1];
      }
    }
    return List.of(Shape.of(out));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor y = Spatial.padAxis(inputs.get(0), 1, padding[0][0], padding[0][1]);
    return List.of(Spatial.padAxis(y, 2, padding[1][0], padding[1][1]));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("padding", Spatial.pairsList(padding));
    c.put("data_format", "channels_last");
    return c;
  }

  /** A ZeroPadding2D layer from its Keras config. */
  public static ZeroPadding2D fromConfig(Config c) {
    ZeroPadding2D layer = new ZeroPadding2D(c.has("padding")
        ? Spatial.pairs2("padding", c.raw("padding"))
        : new int[][] {{1, 1}, {1, 1}});
    layer.applyBaseConfig(c);
    return layer;
  }
}
