package org.jkeras.regularizers;

import java.util.Map;
import java.util.function.Function;
import org.jkeras.config.Config;
import org.jkeras.config.KerasRegistry;

/**
 * Regularizers by Keras's class names ({@code "L2"}) and string names ({@code "l2"}), to and
 * from Keras's serialized form. Keras 3.1's string names are the class names in snake case
 * ({@code "l1"}, {@code "l2"}, {@code "l1l2"}, the last with factors 0); {@code "l1_l2"} is the
 * documented name with factors 0.01 each.
 */
public final class Regularizers {
  private static final KerasRegistry<Regularizer> REGISTRY = new KerasRegistry<>("regularizer",
      "keras.regularizers", Regularizer.class, Regularizer::className, Regularizer::getConfig);

  static {
    REGISTRY.register("L1", c -> new L1(c.getDouble("l1", 0.01)), "l1");
    REGISTRY.register("L2", c -> new L2(c.getDouble("l2", 0.01)), "l2");
    REGISTRY.register("L1L2", c -> new L1L2(c.getDouble("l1", 0), c.getDouble("l2", 0)), "l1l2");
    REGISTRY.register("OrthogonalRegularizer", c -> new OrthogonalRegularizer(
        c.getDouble("factor", 0.01), c.getString("mode", "rows")), "orthogonal_regularizer");
    REGISTRY.registerName("l1_l2", c -> new L1L2(c.getDouble("l1", 0.01),
        c.getDouble("l2", 0.01)));
  }

  private Regularizers() {}

  /** Adds a regularizer class (for configs naming it), with its string names. */
  public static void register(String className, Function<Config, Regularizer> factory,
      String... names) {
    REGISTRY.register(className, factory, names);
  }

  /**
   * Keras's {@code regularizers.get}: null gives null, a regularizer is returned as is, a string
   * is a class or string name ({@code "l2"} is {@code L2(0.01)}), a map a serialized regularizer.
   */
  public static Regularizer get(Object identifier) {
    return REGISTRY.get(identifier);
  }

  /** A regularizer from its serialized form (or a string name); null gives null. */
  public static Regularizer deserialize(Object spec) {
    return REGISTRY.get(spec);
  }

  /** Keras's serialized form of a regularizer; null gives null. */
  public static Map<String, Object> serialize(Regularizer regularizer) {
    return REGISTRY.serialize(regularizer);
  }
}
