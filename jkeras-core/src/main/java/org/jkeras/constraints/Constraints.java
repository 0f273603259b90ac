package org.jkeras.constraints;

import java.util.Map;
import java.util.function.Function;
import org.jkeras.config.Config;
import org.jkeras.config.KerasRegistry;

/**
 * Constraints by Keras's class names ({@code "MaxNorm"}) and string names ({@code "max_norm"},
 * {@code "min_max_norm"}, {@code "non_neg"}, {@code "unit_norm"}, with default arguments), to
 * and from Keras's serialized form.
 */
public final class Constraints {
  private static final KerasRegistry<Constraint> REGISTRY = new KerasRegistry<>("constraint",
      "keras.constraints", Constraint.class, Constraint::className, Constraint::getConfig);

  static {
    REGISTRY.register("MaxNorm", MaxNorm::fromConfig, "max_norm");
    REGISTRY.register("MinMaxNorm", MinMaxNorm::fromConfig, "min_max_norm");
    REGISTRY.register("NonNeg", c -> new NonNeg(), "non_neg");
    REGISTRY.register("UnitNorm", c -> new UnitNorm(NormAxes.fromConfig(c.raw("axis"))),
        "unit_norm");
  }

  private Constraints() {}

  /** Adds a constraint class (for configs naming it), with its string names. */
  public static void register(String className, Function<Config, Constraint> factory,
      String... names) {
    REGISTRY.register(className, factory, names);
  }

  /**
   * Keras's {@code constraints.get}: null gives null, a constraint is returned as is, a string is
   * a class or string name, a map a serialized constraint.
   */
  public static Constraint get(Object identifier) {
    return REGISTRY.get(identifier);
  }

  /** A constraint from its serialized form (or a string name); null gives null. */
  public static Constraint deserialize(Object spec) {
    return REGISTRY.get(spec);
  }

  /** Keras's serialized form of a constraint; null gives null. */
  public static Map<String, Object> serialize(Constraint constraint) {
    return REGISTRY.serialize(constraint);
  }
}
