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
    register("Zeros", c -> new Zeros(), "zeros", "zero");
    register("Ones", c -> new Ones(), "ones", "one");
    register("Constant", c -> new Constant(c.getDouble("value", 0)), "constant");
    register("Identity", c -> new Identity(c.getDouble("gain", 1)), "identity",
        "IdentityInitializer", "identity_initializer");
    register("RandomNormal", c -> new RandomNormal(c.getDouble("mean", 0),
        c.getDouble("stddev", 0.05), seed(c)), "random_normal", "normal");
    register("RandomUniform", c -> new RandomUniform(c.getDouble("minval", -0.05),
        c.getDouble("maxval", 0.05), seed(c)), "random_uniform", "uniform");
    register("TruncatedNormal", c -> new TruncatedNormal(c.getDouble("mean", 0),
        c.getDouble("stddev", 0.05), seed(c)), "truncated_normal");
    register("VarianceScaling", c -> new VarianceScaling(c.getDouble("scale", 1),
        c.getString("mode", "fan_in"), c.getString("distribution", "truncated_normal"),
        seed(c)), "variance_scaling");
    register("GlorotUniform", c -> new GlorotUniform(seed(c)), "glorot_uniform");
    register("GlorotNormal", c -> new GlorotNormal(seed(c)), "glorot_normal");
    register("HeUniform", c -> new HeUniform(seed(c)), "he_uniform");
    register("HeNormal", c -> new HeNormal(seed(c)), "he_normal");
    register("LecunUniform", c -> new LecunUniform(seed(c)), "lecun_uniform");
    register("LecunNormal", c -> new LecunNormal(seed(c)), "lecun_normal");
    register("OrthogonalInitializer", c -> new Orthogonal(c.getDouble("gain", 1), seed(c)),
        "orthogonal", "Orthogonal", "orthogonal_initializer");
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

  /** The configured seed: null (unseeded) or an integer. */
  private static Long seed(Config c) {
    Object v = c.raw("seed");
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw new JKerasException("`seed` argument should be an integer (or null for unseeded)."
        + " Received: seed=" + v);
  }

  /** The initializer for a Keras string name such as {@code "he_normal"}. */
  public static Initializer get(String name) {
    return create(name, Map.of());
  }

  /**
   * An initializer from a string name, a serialized dict or an initializer (returned as is); null
   * gives null.
   */
  @SuppressWarnings("unchecked")
  public static Initializer deserialize(Object spec) {
    if (spec == null) {
      return null;
    }
    if (spec instanceof Initializer i) {
      return i;
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
