package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** All zeros (Keras's "zeros", the default bias initializer). */
public record Zeros() implements Initializer {
  @Override
  public Tensor initialize(Shape shape) {
    return Tensor.zeros(shape);
  }

  @Override
  public String className() {
    return "Zeros";
  }

  @Override
  public Map<String, Object> getConfig() {
    return new java.util.LinkedHashMap<>();
  }
}
