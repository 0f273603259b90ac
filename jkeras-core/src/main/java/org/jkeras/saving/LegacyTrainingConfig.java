package org.jkeras.saving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jkeras.backend.JKerasException;
import org.jkeras.config.KerasObjects;
import org.jkeras.losses.Losses;
import org.jkeras.metrics.Metrics;
import org.jkeras.models.Model;
import org.jkeras.optimizers.Optimizer;
import org.jkeras.optimizers.Optimizers;
import org.jkeras.trainers.CompileOptions;

/**
 * The root attribute {@code training_config} of a legacy {@code .h5} model, read as Keras's
 * {@code compile_args_from_training_config} reads it: {@code optimizer_config} ({@code class_name}
 * and {@code config}), {@code loss}, {@code metrics}, {@code weighted_metrics} and
 * {@code loss_weights}. Keras 2's spellings are mapped to today's (the {@code MeanMetricWrapper}
 * metrics, {@code reduction="auto"}, the optimizers' {@code lr}, {@code decay},
 * {@code jit_compile} and {@code is_legacy_optimizer}); anything else that jkeras cannot map is
 * refused with the key and value, never silently compiled differently.
 */
final class LegacyTrainingConfig {
  /** Keras 2 optimizer keys that change nothing in training. */
  private static final Set<String> IGNORED_OPTIMIZER_KEYS =
      Set.of("jit_compile", "is_legacy_optimizer");
  /** Keras 2 loss names that Keras 3 spells differently. */
  private static final Map<String, String> LOSS_ALIASES = Map.of("logcosh", "log_cosh",
      "kullback_leibler_divergence", "kl_divergence", "huber_loss", "huber");

  private LegacyTrainingConfig() {}

  /** Compile arguments for {@code model} from {@code config}; {@code source} names the file. */
  static CompileOptions compileOptions(Map<String, Object> config, Model model, String source) {
    CompileOptions options = CompileOptions.of(optimizer(config, source),
        loss(config.get("loss"), source));
    Object metrics = metrics(config.get("metrics"), "metrics", source);
    if (metrics instanceof List<?> l && l.size() == 1 && l.get(0) instanceof List<?> inner
        && model.outputNames().size() == 1) {
      metrics = inner; // Keras 2 nests a single output's metrics in a list of lists.
    }
    options.metrics(metrics == null ? List.of() : metrics);
    Object weighted = config.get("weighted_metrics");
    if (!isEmpty(weighted)) {
      throw unmappable(source, "weighted_metrics", weighted,
          "jkeras's compile has no weighted metrics");
    }
    lossWeights(options, config.get("loss_weights"), source);
    return options;
  }

  /** The error for a value jkeras cannot map, naming the key and the uncompiled way out. */
  static JKerasException unmappable(String source, String key, Object value, String why) {
    return new JKerasException(source + ": cannot compile the model from its training_config: "
        + key + "=" + KerasJson.write(value) + " is not something jkeras can map (" + why
        + "). Keras.loadModel(path, false) loads the model uncompiled; then call model.compile.");
  }

  @SuppressWarnings("unchecked")
  private static Optimizer optimizer(Map<String, Object> config, String source) {
    Object spec = config.get("optimizer_config");
    if (!(spec instanceof Map<?, ?> m) || KerasObjects.className((Map<String, Object>) m) == null) {
      throw unmappable(source, "optimizer_config", spec,
          "it should be {\"class_name\": ..., \"config\": {...}}");
    }
    Map<String, Object> map = (Map<String, Object>) m;
    String cls = KerasObjects.className(map);
    Map<String, Object> inner = new LinkedHashMap<>(KerasObjects.innerConfig(map));
    IGNORED_OPTIMIZER_KEYS.forEach(inner::remove);
    if (inner.containsKey("lr") && !inner.containsKey("learning_rate")) {
      inner.put("learning_rate", inner.remove("lr"));
    }
    Object decay = inner.remove("decay");
    if (decay instanceof Number d && d.doubleValue() != 0) {
      // Keras 2's decay: lr / (1 + decay * iterations), which is an InverseTimeDecay schedule.
      if (!(inner.getOrDefault("learning_rate", 0.001) instanceof Number lr)) {
        throw unmappable(source, "optimizer_config", spec,
            "decay together with a learning rate schedule");
      }
      Map<String, Object> schedule = new LinkedHashMap<>();
      schedule.put("initial_learning_rate", lr.doubleValue());
      schedule.put("decay_steps", 1);
      schedule.put("decay_rate", d.doubleValue());
      schedule.put("staircase", false);
      inner.put("learning_rate", Map.of("class_name", "InverseTimeDecay", "config", schedule));
    }
    try {
      return Optimizers.deserialize(Map.of("class_name", cls, "config", inner));
    } catch (JKerasException e) {
      if (cls.startsWith("Custom>")) { // TF 2.11-2.15 wrote built-ins as "Custom>Adam".
        try {
          return Optimizers.deserialize(Map.of("class_name", cls.substring(7), "config", inner));
        } catch (JKerasException ignored) {
          // Report the name as written.
        }
      }
      throw unmappable(source, "optimizer_config", spec, strip(e.getMessage()));
    }
  }

  /** Names stay names (Keras 2 aliases renamed); serialized losses become Loss objects. */
  @SuppressWarnings("unchecked")
  private static Object loss(Object spec, String source) {
    switch (spec) {
      case null -> {
        return null;
      }
      case String s -> {
        String name = LOSS_ALIASES.getOrDefault(s, s);
        try {
          Losses.get(name);
        } catch (JKerasException e) {
          throw unmappable(source, "loss", s, strip(e.getMessage()));
        }
        return name;
      }
      case Map<?, ?> m when m.containsKey("class_name") -> {
        Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) m);
        Map<String, Object> inner = new LinkedHashMap<>(KerasObjects.innerConfig(map));
        if ("auto".equals(inner.get("reduction"))) {
          inner.put("reduction", "sum_over_batch_size"); // Keras 2's default reduction.
        }
        inner.remove("fn");
        map.put("config", inner);
        try {
          return Losses.deserialize(map);
        } catch (JKerasException e) {
          throw unmappable(source, "loss", spec, strip(e.getMessage()));
        }
      }
      default -> {
        return nested(spec, x -> loss(x, source), "loss", source);
      }
    }
  }

  /** Names stay names; serialized metrics (Keras 2's MeanMetricWrapper too) become Metrics. */
  @SuppressWarnings("unchecked")
  private static Object metrics(Object spec, String key, String source) {
    switch (spec) {
      case null -> {
        return null;
      }
      case String s -> {
        if (!s.equals("accuracy") && !s.equals("acc")) {
          try {
            Metrics.get(s);
          } catch (JKerasException e) {
            throw unmappable(source, key, s, strip(e.getMessage()));
          }
        }
        return s;
      }
      case Map<?, ?> m when m.containsKey("class_name") -> {
        Map<String, Object> map = (Map<String, Object>) m;
        try {
          if ("MeanMetricWrapper".equals(KerasObjects.className(map))) {
            return wrapperMetric(KerasObjects.innerConfig(map));
          }
          return Metrics.deserialize(map);
        } catch (JKerasException e) {
          throw unmappable(source, key, spec, strip(e.getMessage()));
        }
      }
      default -> {
        return nested(spec, x -> metrics(x, key, source), key, source);
      }
    }
  }

  /** Keras 2's {@code {"name": "accuracy", "fn": "categorical_accuracy"}}: fn's metric, named. */
  @SuppressWarnings("unchecked")
  private static Object wrapperMetric(Map<String, Object> config) {
    Object fn = config.get("fn");
    if (fn instanceof Map<?, ?> f && ((Map<String, Object>) f).get("config") instanceof String s) {
      fn = s; // Keras 3 writes functions as {"class_name": "function", "config": "<name>"}.
    }
    if (!(fn instanceof String name)) {
      throw new JKerasException("a MeanMetricWrapper needs 'fn' naming a built-in metric"
          + " function");
    }
    Map<String, Object> inner = new LinkedHashMap<>();
    if (config.get("name") instanceof String n) {
      inner.put("name", n);
    }
    return Metrics.deserialize(Map.of("class_name", name, "config", inner));
  }

  private static Object nested(Object spec, java.util.function.UnaryOperator<Object> each,
      String key, String source) {
    if (spec instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(each.apply(o));
      }
      return out;
    }
    if (spec instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), each.apply(e.getValue()));
      }
      return out;
    }
    throw unmappable(source, key, spec, "expected a name, a serialized object, a list or a map");
  }

  private static void lossWeights(CompileOptions options, Object spec, String source) {
    if (spec instanceof List<?> list && list.stream().allMatch(w -> w instanceof Number)) {
      options.lossWeights(list.stream().map(w -> ((Number) w).doubleValue()).toList());
    } else if (spec instanceof Map<?, ?> map
        && map.values().stream().allMatch(w -> w instanceof Number)) {
      Map<String, Double> out = new LinkedHashMap<>();
      map.forEach((k, w) -> out.put(String.valueOf(k), ((Number) w).doubleValue()));
      options.lossWeights(out);
    } else if (spec != null) {
      throw unmappable(source, "loss_weights", spec,
          "expected a list of numbers or a map from output name to number");
    }
  }

  /** True for null and for lists and maps holding only empty things. */
  private static boolean isEmpty(Object spec) {
    return switch (spec) {
      case null -> true;
      case List<?> l -> l.stream().allMatch(LegacyTrainingConfig::isEmpty);
      case Map<?, ?> m -> m.values().stream().allMatch(LegacyTrainingConfig::isEmpty);
      default -> false;
    };
  }

  private static String strip(String message) {
    String m = message == null ? "" : message.strip();
    return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
  }
}
