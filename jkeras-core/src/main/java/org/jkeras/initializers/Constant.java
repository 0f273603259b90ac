package org.jkeras.initializers;

import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Every value {@code value}; {@code zeros} and {@code ones} are its common cases. */
public record Constant(float value) implements Initializer {
  public static Constant zeros() {
    return new Constant(0f);
  }

  public static Constant ones() {
    return new Constant(1f);
  }

  @Override
  public Tensor initialize(Shape shape) {
    return Tensor.full(shape, value);
  }
}
