package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Makes a weight's starting values, as Keras's {@code keras.initializers}. */
public interface Initializer {
  Tensor initialize(Shape shape);

  /** Keras's class name, for example {@code "GlorotUniform"}. */
  String className();

  /** Keras's config keys and values, for example {@code {"seed": null}}. */
  Map<String, Object> getConfig();
}
