package org.jkeras.activations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.ops.MathOps;

/** Every activation Keras accepts as a string, by name. */
public final class Activations {
  private static final Map<String, Activation> BY_NAME = new LinkedHashMap<>();

  static {
    register(Activation.of("linear", x -> x));
    register(Activation.of("sigmoid", MathOps::sigmoid));
  }

  private Activations() {}

  private static void register(Activation a) {
    BY_NAME.put(a.name(), a);
  }

  /** The activation called {@code name}; null or "linear" is the identity. */
  public static Activation get(String name) {
    if (name == null) {
      return BY_NAME.get("linear");
    }
    Activation a = BY_NAME.get(name);
    if (a == null) {
      throw new JKerasException("Unknown activation function: '" + name + "'. Valid names are "
          + BY_NAME.keySet() + ".");
    }
    return a;
  }
}
