package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** All ones (Keras's "ones"). */
public record Ones() implements Initializer {
  @Override
  public Tensor initialize(Shape shape) {
    return Tensor.ones(shape);
  }

  @Override
  public String className() {
    return "Ones";
  }

  @Override
  public Map<String, Object> getConfig() {
    return new java.util.LinkedHashMap<>();
  }
}
