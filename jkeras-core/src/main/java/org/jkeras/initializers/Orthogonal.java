package org.jkeras.initializers;

import org.jkeras.backend.SeededRandom;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** A random orthogonal matrix (times {@code gain}): Keras's default recurrent initializer. */
public record Orthogonal(float gain, Long seed) implements Initializer {
  public Orthogonal() {
    this(1f, null);
  }

  @Override
  public Tensor initialize(Shape shape) {
    int cols = shape.dim(-1);
    int rows = (int) (shape.size() / cols);
    float[] q = SeededRandom.orthogonal(rows, cols, gain, RandomSeeds.orNext(seed));
    return Tensor.wrap(q, shape);
  }
}
