package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.SeededRandom;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * A random orthogonal matrix times {@code gain}: Keras's default recurrent initializer. A weight
 * of rank above 2 is treated as a {@code (prod(shape[:-1]), shape[-1])} matrix; the rows or the
 * columns, whichever are fewer, come out orthonormal.
 */
public final class Orthogonal extends RandomInitializer {
  private final double gain;

  public Orthogonal() {
    this(1.0, null);
  }

  public Orthogonal(double gain, Long seed) {
    super(seed);
    this.gain = gain;
  }

  public double gain() {
    return gain;
  }

  @Override
  public Tensor initialize(Shape shape) {
    if (shape.rank() < 2) {
      throw new JKerasException("The tensor to initialize must be at least two-dimensional."
          + " Received: shape=" + shape + " of rank " + shape.rank() + ".");
    }
    int cols = shape.dim(-1);
    int rows = cols == 0 ? 0 : (int) (shape.size() / cols);
    if (rows == 0 || cols == 0) {
      return Tensor.zeros(shape);
    }
    float[] q = SeededRandom.orthogonal(rows, cols, (float) gain, drawSeed());
    return Tensor.wrap(q, shape);
  }

  /** Keras 3.1 serializes this initializer as {@code OrthogonalInitializer}. */
  @Override
  public String className() {
    return "OrthogonalInitializer";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("gain", gain);
    c.put("seed", seed());
    return c;
  }
}
