package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * {@code gain} times the identity matrix (ones on the main diagonal of a possibly non-square
 * matrix), as Keras's Identity; 2D weights only. Keras 3.1 writes its class name "Identity";
 * it also reads "IdentityInitializer". Keras forgets {@code gain} in its config; this one writes it
 * (Keras reads it back).
 */
public record Identity(double gain) implements Initializer {
  public Identity() {
    this(1.0);
  }

  @Override
  public Tensor initialize(Shape shape) {
    if (shape.rank() != 2) {
      throw new JKerasException("Identity matrix initializer can only be used for 2D matrices."
          + " Received: shape=" + shape + " of rank " + shape.rank() + ".");
    }
    int rows = shape.dim(0);
    int cols = shape.dim(1);
    float[] d = new float[shape.sizeAsInt()];
    for (int i = 0; i < Math.min(rows, cols); i++) {
      d[i * cols + i] = (float) gain;
    }
    return Tensor.wrap(d, shape);
  }

  @Override
  public String className() {
    return "Identity";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("gain", gain);
    return c;
  }
}
