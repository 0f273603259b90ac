package org.jkeras.optimizers.schedules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jkeras.backend.JKerasException;
import org.jkeras.config.Config;
import org.jkeras.config.KerasObjects;

/** Learning-rate schedules to and from Keras's serialized form. */
public final class Schedules {
  private static final String MODULE = "keras.optimizers.schedules";
  private static final Map<String, Function<Config, LearningRateSchedule>> BY_CLASS =
      new LinkedHashMap<>();

  static {
    register("ExponentialDecay", ExponentialDecay::fromConfig);
    register("PiecewiseConstantDecay", PiecewiseConstantDecay::fromConfig);
    register("PolynomialDecay", PolynomialDecay::fromConfig);
    register("InverseTimeDecay", InverseTimeDecay::fromConfig);
    register("CosineDecay", CosineDecay::fromConfig);
  }

  private Schedules() {}

  /** Adds a schedule class, so configs naming it deserialize. */
  public static synchronized void register(
      String className, Function<Config, LearningRateSchedule> factory) {
    BY_CLASS.put(className, factory);
  }

  public static Map<String, Object> serialize(LearningRateSchedule schedule) {
    return KerasObjects.serialize(MODULE, schedule.className(), schedule.getConfig());
  }

  /** A schedule from its serialized dict ({@code class_name} and {@code config}). */
  public static synchronized LearningRateSchedule deserialize(Map<String, Object> serialized) {
    String cls = KerasObjects.className(serialized);
    Function<Config, LearningRateSchedule> factory = cls == null ? null : BY_CLASS.get(cls);
    if (factory == null) {
      throw new JKerasException("Unknown learning rate schedule: '" + cls
          + "'. Valid class names are " + BY_CLASS.keySet() + ".");
    }
    return factory.apply(new Config(cls, KerasObjects.innerConfig(serialized)));
  }

  static int steps(Config c, String key) {
    return c.requireInt(key);
  }
}
