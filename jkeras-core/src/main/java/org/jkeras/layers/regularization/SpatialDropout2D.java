package org.jkeras.layers.regularization;

import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.config.Config;
import org.jkeras.layers.InputSpec;

/**
 * Dropout of whole feature maps of {@code (batch, rows, cols, channels)}: one draw per sample and
 * channel, shared over rows and columns, as Keras's SpatialDropout2D (channels_last).
 */
public class SpatialDropout2D extends Dropout {
  public SpatialDropout2D(double rate) {
    super(rate);
    setInputSpec(InputSpec.ndim(4));
  }

  @Override
  public SpatialDropout2D seed(Integer value) {
    super.seed(value);
    return this;
  }

  @Override
  public SpatialDropout2D name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected Shape noiseShapeFor(Shape input) {
    return Shape.of(input.dim(0), 1, 1, input.dim(3));
  }

  /** Keras's config: rate, seed, name, dtype, data_format. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("rate", rate());
    c.put("seed", seed());
    c.put("name", name());
    c.put("dtype", "float32");
    c.put("data_format", "channels_last");
    return c;
  }

  /** A SpatialDropout2D layer from its Keras config. */
  public static SpatialDropout2D fromConfig(Config c) {
    SpatialDropout2D layer = new SpatialDropout2D(c.getDouble("rate", 0.5));
    layer.applyBaseConfig(c);
    return layer.seed(seedOf(c));
  }
}
