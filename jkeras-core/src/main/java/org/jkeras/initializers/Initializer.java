package org.jkeras.initializers;

import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Makes a weight's starting values, as Keras's {@code keras.initializers}. */
@FunctionalInterface
public interface Initializer {
  Tensor initialize(Shape shape);
}
