package org.jkeras.initializers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jkeras.backend.JKerasException;
import org.jkeras.config.Config;
import org.jkeras.config.KerasObjects;

/**
 * Initializers by Keras's string names ({@code "glorot_uniform"}) and class names, to and from
 * Keras's serialized form.
 */
public final class Initializers {
  private static final Map<String, Function<Config, Initializer>> BY_CLASS =
      new LinkedHashMap<>();
  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  static {
    register("Zeros", c -> new Zeros(), "zeros");
    register("Ones", c -> new Ones(), "ones");
    register("Constant", c -> new Constant(c.getDouble("value", 0)), "constant");
    register("GlorotUniform", c -> new GlorotUniform(seed(c)), "glorot_uniform");
    register("OrthogonalInitializer",
        c -> new Orthogonal(c.getDouble("gain", 1), seed(c)), "orthogonal");
    register("RandomUniform", c -> new RandomUniform(c.getDouble("minval", -0.05),
        c.getDouble("maxval", 0.05), seed(c)), "random_uniform", "uniform");
    ALIASES.put("Orthogonal", "OrthogonalInitializer");
  }

  private Initializers() {}

  /** Adds an initializer class, with its Keras string names. */
  public static synchronized void register(
      String className, Function<Config, Initializer> factory, String... names) {
    BY_CLASS.put(className, factory);
    for (String n : names) {
      ALIASES.put(n, className);
    }
  }

  private static Long seed(Config c) {
    return c.has("seed") ? (long) c.getInt("seed", 0) : null;
  }

  /** The initializer for a Keras string name such as {@code "he_normal"}. */
  public static Initializer get(String name) {
    return create(name, Map.of());
  }

  /** An initializer from a string name or a serialized dict (null gives null). */
  @SuppressWarnings("unchecked")
  public static Initializer deserialize(Object spec) {
    if (spec == null) {
      return null;
    }
    if (spec instanceof String s) {
      return get(s);
    }
    if (spec instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      return create(KerasObjects.className(map), KerasObjects.innerConfig(map));
    }
    throw new JKerasException("Could not interpret initializer: " + spec);
  }

  public static Map<String, Object> serialize(Initializer init) {
    return KerasObjects.serialize("keras.initializers", init.className(), init.getConfig());
  }

  private static synchronized Initializer create(String name, Map<String, Object> config) {
    String cls = BY_CLASS.containsKey(name) ? name : ALIASES.get(name);
    if (cls == null) {
      throw new JKerasException("Unknown initializer: '" + name + "'. Valid names are "
          + ALIASES.keySet().stream().filter(n -> !Character.isUpperCase(n.charAt(0))).toList()
          + ".");
    }
    return BY_CLASS.get(cls).apply(new Config(cls, config));
  }
}
