package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Every value {@code value} (Keras's Constant). */
public record Constant(double value) implements Initializer {
  /** Zeros, for callers that used {@code Constant.zeros()}. */
  public static Initializer zeros() {
    return new Zeros();
  }

  /** Ones, for callers that used {@code Constant.ones()}. */
  public static Initializer ones() {
    return new Ones();
  }

  @Override
  public Tensor initialize(Shape shape) {
    return Tensor.full(shape, (float) value);
  }

  @Override
  public String className() {
    return "Constant";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("value", value);
    return c;
  }
}
