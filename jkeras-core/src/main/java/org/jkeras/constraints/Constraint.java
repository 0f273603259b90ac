package org.jkeras.constraints;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * A projection applied to a weight after each optimizer update, as Keras's {@code Constraint}
 * (clip norms, keep values non-negative): it takes the weight's values and returns the projected
 * values, computed with ops. A lambda works too; implement {@link #className()} and {@link
 * #getConfig()} to make it serializable.
 */
public interface Constraint extends UnaryOperator<Tensor> {
  /** Keras's class name, for example {@code "MaxNorm"}. */
  default String className() {
    return getClass().getSimpleName();
  }

  /** Keras's config keys and values, for example {@code {"max_value": 2, "axis": 0}}. */
  default Map<String, Object> getConfig() {
    return Config.map();
  }
}
