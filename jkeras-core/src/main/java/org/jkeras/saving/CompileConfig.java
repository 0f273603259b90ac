package org.jkeras.saving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.config.Config;
import org.jkeras.losses.Loss;
import org.jkeras.losses.Losses;
import org.jkeras.metrics.Metric;
import org.jkeras.metrics.Metrics;
import org.jkeras.models.Model;
import org.jkeras.optimizers.Optimizer;
import org.jkeras.optimizers.Optimizers;
import org.jkeras.trainers.CompileOptions;
import org.jkeras.trainers.CompiledModel;

/**
 * Keras's {@code compile_config}: the optimizer (serialized, so its settings survive), the loss,
 * the metrics and the loss weights, so a saved compiled model reloads compiled.
 */
public final class CompileConfig {
  private CompileConfig() {}

  /** The compile config of a compiled model, or null when it is not compiled. */
  public static Map<String, Object> get(Model model) {
    CompiledModel c = model.compiled();
    if (c == null) {
      return null;
    }
    Map<String, Object> out = Config.map();
    out.put("optimizer", Optimizers.serialize(c.optimizer()));
    out.put("loss", serialize(c.lossSpec()));
    boolean plainWeights = c.lossWeights().stream().allMatch(w -> w == 1.0);
    out.put("loss_weights", plainWeights ? null : new ArrayList<>(c.lossWeights()));
    out.put("metrics", serialize(c.metricsSpec()));
    out.put("weighted_metrics", null);
    out.put("run_eagerly", false);
    out.put("steps_per_execution", 1);
    out.put("jit_compile", false);
    return out;
  }

  private static Object serialize(Object spec) {
    return switch (spec) {
      case null -> null;
      case String s -> s;
      case Loss l -> Losses.serialize(l);
      case Metric m -> Metrics.serialize(m);
      case List<?> list -> {
        List<Object> out = new ArrayList<>();
        for (Object o : list) {
          out.add(serialize(o));
        }
        yield out;
      }
      case Map<?, ?> map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.put(String.valueOf(e.getKey()), serialize(e.getValue()));
        }
        yield out;
      }
      default -> throw new JKerasException("Cannot save the compile argument " + spec + " ("
          + spec.getClass().getSimpleName() + "): pass names, Loss or Metric objects.");
    };
  }

  /** Compiles {@code model} as {@code config} says. */
  @SuppressWarnings("unchecked")
  public static void apply(Model model, Map<String, Object> config) {
    Object opt = config.get("optimizer");
    Optimizer optimizer = opt instanceof Map<?, ?> m
        ? Optimizers.deserialize((Map<String, Object>) m)
        : Optimizers.get(opt instanceof String s ? s : "rmsprop");
    Object loss = deserialize(config.get("loss"), true);
    CompileOptions options = CompileOptions.of(optimizer, loss);
    Object metrics = deserialize(config.get("metrics"), false);
    options.metrics(metrics == null ? List.of() : metrics);
    Object weights = config.get("loss_weights");
    if (weights instanceof List<?> w) {
      List<Double> list = new ArrayList<>();
      for (Object o : w) {
        list.add(((Number) o).doubleValue());
      }
      options.lossWeights(list);
    } else if (weights instanceof Map<?, ?> w) {
      Map<String, Double> map = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : w.entrySet()) {
        map.put(String.valueOf(e.getKey()), ((Number) e.getValue()).doubleValue());
      }
      options.lossWeights(map);
    }
    model.compile(options);
  }

  /** Names stay names; serialized objects become losses or metrics; lists and maps recurse. */
  @SuppressWarnings("unchecked")
  private static Object deserialize(Object spec, boolean loss) {
    if (spec == null || spec instanceof String) {
      return spec;
    }
    if (spec instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(deserialize(o, loss));
      }
      return out;
    }
    if (spec instanceof Map<?, ?> map) {
      if (map.containsKey("class_name")) {
        return loss ? Losses.deserialize(map) : Metrics.deserialize(map);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), deserialize(e.getValue(), loss));
      }
      return out;
    }
    throw new JKerasException("Cannot read the compile argument " + spec + " in compile_config.");
  }
}
