package org.jkeras.optimizers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jkeras.backend.JKerasException;
import org.jkeras.config.Config;
import org.jkeras.optimizers.schedules.Schedules;

/** Reading Keras optimizer configs: the common keys, unknown-key checks, the learning rate. */
final class OptimizerConfigs {
  private static final Set<String> COMMON = Set.of("name", "learning_rate", "weight_decay",
      "clipnorm", "global_clipnorm", "clipvalue", "use_ema", "ema_momentum",
      "ema_overwrite_frequency", "loss_scale_factor", "gradient_accumulation_steps", "decay");

  private OptimizerConfigs() {}

  /** A config reader for {@code className}, after checking every key is one Keras accepts. */
  static Config read(String className, Map<String, Object> map, String... ownKeys) {
    Map<String, Object> values = map == null ? Map.of() : map;
    Set<String> own = Set.of(ownKeys);
    List<String> unknown = new ArrayList<>();
    for (String k : values.keySet()) {
      if (!COMMON.contains(k) && !own.contains(k)) {
        unknown.add(k);
      }
    }
    if (!unknown.isEmpty()) {
      throw new JKerasException(
          className + ": argument(s) not recognized: " + unknown + ".");
    }
    return new Config(className, values);
  }

  /** The learning rate: a number, or a serialized schedule; {@code fallback} when absent. */
  static Object learningRate(Config c, double fallback) {
    Map<String, Object> schedule = c.raw("learning_rate") instanceof Map<?, ?>
        ? c.getMap("learning_rate") : null;
    if (schedule != null) {
      return Schedules.deserialize(schedule);
    }
    return c.getDouble("learning_rate", fallback);
  }

  /** Applies the common keys that are present to {@code opt}. */
  static <T extends Optimizer> T applyCommon(T opt, Config c) {
    Map<String, Object> m = c.asMap();
    if (c.has("name")) {
      opt.setName(c.getString("name", opt.name()));
    }
    if (m.containsKey("weight_decay")) {
      opt.setWeightDecay(optionalDouble(c, "weight_decay"));
    }
    opt.setClipnorm(optionalDouble(c, "clipnorm"));
    opt.setGlobalClipnorm(optionalDouble(c, "global_clipnorm"));
    opt.setClipvalue(optionalDouble(c, "clipvalue"));
    Integer frequency = m.containsKey("ema_overwrite_frequency")
        ? optionalInt(c, "ema_overwrite_frequency") : opt.options().emaOverwriteFrequency();
    opt.setUseEma(c.getBoolean("use_ema", false), c.getDouble("ema_momentum", 0.99), frequency);
    opt.setLossScaleFactor(optionalDouble(c, "loss_scale_factor"));
    opt.setGradientAccumulationSteps(optionalInt(c, "gradient_accumulation_steps"));
    return opt;
  }

  private static Double optionalDouble(Config c, String key) {
    return c.has(key) ? c.getDouble(key, 0) : null;
  }

  private static Integer optionalInt(Config c, String key) {
    return c.has(key) ? c.getInt(key, 0) : null;
  }
}
