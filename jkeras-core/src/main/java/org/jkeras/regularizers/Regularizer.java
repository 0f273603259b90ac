package org.jkeras.regularizers;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * A penalty on a tensor (a weight, or a layer's output), as Keras's {@code Regularizer}: a scalar
 * computed with ops, so gradients flow to the weights, and added to the training loss through
 * {@code Layer.losses()}. A lambda works too; implement {@link #className()} and {@link
 * #getConfig()} to make it serializable.
 */
public interface Regularizer extends UnaryOperator<Tensor> {
  /** Keras's class name, for example {@code "L2"}. */
  default String className() {
    return getClass().getSimpleName();
  }

  /** Keras's config keys and values, for example {@code {"l2": 0.01}}. */
  default Map<String, Object> getConfig() {
    return Config.map();
  }
}
