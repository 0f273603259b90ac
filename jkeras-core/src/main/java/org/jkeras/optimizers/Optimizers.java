package org.jkeras.optimizers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jkeras.backend.JKerasException;
import org.jkeras.config.KerasObjects;

/**
 * Optimizers by Keras's string names ({@code "adam"}) and to and from Keras's serialized form
 * ({@code {"module": "keras.optimizers", "class_name": "Adam", "config": {...}}}). Class names
 * match case-insensitively, as in Keras.
 */
public final class Optimizers {
  private static final Map<String, Function<Map<String, Object>, Optimizer>> BY_NAME =
      new LinkedHashMap<>();

  static {
    register("sgd", SGD::fromConfig);
    register("rmsprop", RMSprop::fromConfig);
    register("adam", Adam::fromConfig);
    register("adamw", AdamW::fromConfig);
    register("adagrad", Adagrad::fromConfig);
    register("adadelta", Adadelta::fromConfig);
    register("adamax", Adamax::fromConfig);
    register("nadam", Nadam::fromConfig);
    register("lion", Lion::fromConfig);
  }

  private Optimizers() {}

  /** Adds an optimizer class under its lower-case class name, for {@link #get}/deserialize. */
  public static synchronized void register(
      String name, Function<Map<String, Object>, Optimizer> fromConfig) {
    BY_NAME.put(name.toLowerCase(Locale.ROOT), fromConfig);
  }

  /** A new optimizer with Keras's defaults, by name ({@code "adam"}, {@code "SGD"}, ...). */
  public static Optimizer get(String name) {
    return create(name, Map.of());
  }

  /** An optimizer from its serialized dict. */
  public static Optimizer deserialize(Map<String, Object> serialized) {
    if (serialized == null) {
      throw new JKerasException("Could not interpret optimizer identifier: null");
    }
    String cls = KerasObjects.className(serialized);
    if (cls == null) {
      throw new JKerasException("Could not interpret optimizer identifier: " + serialized
          + " (it has no 'class_name').");
    }
    return create(cls, KerasObjects.innerConfig(serialized));
  }

  public static Map<String, Object> serialize(Optimizer optimizer) {
    return KerasObjects.serialize("keras.optimizers", optimizer.className(),
        optimizer.getConfig());
  }

  private static synchronized Optimizer create(String name, Map<String, Object> config) {
    Function<Map<String, Object>, Optimizer> factory =
        name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT));
    if (factory == null) {
      throw new JKerasException(
          "Unknown optimizer: '" + name + "'. Valid names are " + BY_NAME.keySet() + ".");
    }
    return factory.apply(config);
  }
}
