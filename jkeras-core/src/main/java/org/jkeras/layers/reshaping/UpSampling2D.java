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
 * Repeats the rows and columns of {@code (batch, rows, cols, channels)} images by {@code size}
 * (nearest-neighbour upsampling, Keras's default interpolation), channels_last.
 */
public class UpSampling2D extends Layer {
  private final int[] size;

  public UpSampling2D() {
    this(2, 2);
  }

  public UpSampling2D(int size) {
    this(size, size);
  }

  public UpSampling2D(int rows, int cols) {
    if (rows <= 0 || cols <= 0) {
      throw new JKerasException("The `size` argument must be a tuple of 2 positive integers."
          + " Received: size=" + Spatial.tuple(rows, cols));
    }
    this.size = new int[] {rows, cols};
    setInputSpec(InputSpec.ndim(4));
  }

  public int[] size() {
    return size.clone();
  }

  @Override
  public UpSampling2D name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    int[] out = inputShapes.get(0).dims();
    for (int i = 0; i < 2; i++) {
      out[1 + i] = out[1 + i] == Shape.UNKNOWN ? Shape.UNKNOWN : out[1 + i] * size[i];
    }
    return List.of(Shape.of(out));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor y = Spatial.repeatAxis(inputs.get(0), 1, size[0]);
    return List.of(Spatial.repeatAxis(y, 2, size[1]));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("size", Config.intList(size));
    c.put("data_format", "channels_last");
    c.put("interpolation", "nearest");
    return c;
  }

  /** An UpSampling2D layer from its Keras config (nearest interpolation only). */
  public static UpSampling2D fromConfig(Config c) {
    String interpolation = c.getString("interpolation", "nearest");
    if (!interpolation.equals("nearest")) {
      throw new JKerasException("UpSampling2D: interpolation '" + interpolation + "' is not"
          + " supported; only 'nearest' is. Received: interpolation=" + interpolation);
    }
    int[] s = c.getInts("size", 2, new int[] {2, 2}, true);
    UpSampling2D layer = new UpSampling2D(s[0], s[1]);
    layer.applyBaseConfig(c);
    return layer;
  }
}
