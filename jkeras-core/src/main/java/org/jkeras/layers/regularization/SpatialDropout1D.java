package org.jkeras.layers.regularization;

import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.config.Config;
import org.jkeras.layers.InputSpec;

/**
 * Dropout of whole feature maps of {@code (batch, steps, channels)}: one draw per sample and
 * channel, shared over the steps, as Keras's SpatialDropout1D.
 */
public class SpatialDropout1D extends Dropout {
  public SpatialDropout1D(double rate) {
    super(rate);
    setInputSpec(InputSpec.ndim(3));
  }

  @Override
  public SpatialDropout1D seed(Integer value) {
    super.seed(value);
    return this;
  }

  @Override
  public SpatialDropout1D name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected Shape noiseShapeFor(Shape input) {
    return Shape.of(input.dim(0), 1, input.dim(2));
  }

  /** Keras's spatial dropout config: rate, seed, name, dtype (no trainable, no noise_shape). */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("rate", rate());
    c.put("seed", seed());
    c.put("name", name());
    c.put("dtype", "float32");
    return c;
  }

  /** A SpatialDropout1D layer from its Keras config. */
  public static SpatialDropout1D fromConfig(Config c) {
    SpatialDropout1D layer = new SpatialDropout1D(c.getDouble("rate", 0.5));
    layer.applyBaseConfig(c);
    return layer.seed(seedOf(c));
  }
}
