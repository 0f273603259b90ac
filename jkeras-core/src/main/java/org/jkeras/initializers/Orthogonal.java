package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.backend.SeededRandom;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** A random orthogonal matrix (times {@code gain}): Keras's default recurrent initializer. */
public record Orthogonal(double gain, Long seed) implements Initializer {
  public Orthogonal() {
    this(1.0, null);
  }

  @Override
  public Tensor initialize(Shape shape) {
    int cols = shape.dim(-1);
    int rows = (int) (shape.size() / cols);
    float[] q = SeededRandom.orthogonal(rows, cols, (float) gain, RandomSeeds.orNext(seed));
    return Tensor.wrap(q, shape);
  }

  /** Keras 3 serializes this initializer as {@code OrthogonalInitializer}. */
  @Override
  public String className() {
    return "OrthogonalInitializer";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("gain", gain);
    c.put("seed", seed);
    return c;
  }
}
