package org.jkeras.initializers;

import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Uniform values in {@code [minval, maxval)}; Keras's "uniform" is (-0.05, 0.05). */
public record RandomUniform(float minval, float maxval, Long seed) implements Initializer {
  public RandomUniform() {
    this(-0.05f, 0.05f, null);
  }

  @Override
  public Tensor initialize(Shape shape) {
    return Tensor.randomUniform(shape, minval, maxval, RandomSeeds.orNext(seed));
  }
}
