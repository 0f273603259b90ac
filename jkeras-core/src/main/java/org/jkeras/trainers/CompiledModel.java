package org.jkeras.trainers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.losses.Loss;
import org.jkeras.losses.Losses;
import org.jkeras.metrics.Mean;
import org.jkeras.metrics.Metric;
import org.jkeras.metrics.Metrics;
import org.jkeras.optimizers.Optimizer;
import org.jkeras.optimizers.Optimizers;

/**
 * What {@code compile} resolved: the optimizer, one loss (or none) and weight per output, the
 * metrics per output with the names Keras logs ({@code accuracy}, or {@code main_output_accuracy}
 * when there are several outputs), and the running mean of the loss.
 */
public final class CompiledModel {
  final Optimizer optimizer;
  final List<Loss> losses;
  final List<Double> lossWeights;
  final List<List<Metric>> metrics;
  final List<List<String>> metricNames;
  final Mean lossTracker = new Mean("loss");
  final Object lossSpec;
  final Object metricsSpec;
  private final List<String> outputNames;

  public CompiledModel(CompileOptions options, List<String> outputNames, List<Integer> outputLastDims) {
    int n = outputNames.size();
    this.outputNames = List.copyOf(outputNames);
    this.optimizer = options.optimizer instanceof Optimizer o ? o
        : Optimizers.get(requireName(options.optimizer, "optimizer"));
    this.lossSpec = options.loss;
    this.metricsSpec = options.metrics;
    this.losses = perOutput(options.loss, outputNames, "loss", CompiledModel::toLoss);
    if (losses.stream().allMatch(java.util.Objects::isNull)) {
      throw new JKerasException("compile needs a loss: got " + options.loss + ". Pass a name such"
          + " as \"mse\" or a Loss object, one per output as a list or a map by output name.");
    }
    this.lossWeights = weights(options.lossWeights, outputNames);
    this.metrics = new ArrayList<>();
    this.metricNames = new ArrayList<>();
    List<Object> perOutputMetrics = perOutput(options.metrics, outputNames, "metrics", m -> m);
    for (int i = 0; i < n; i++) {
      List<Metric> ms = new ArrayList<>();
      List<String> names = new ArrayList<>();
      Object spec = perOutputMetrics.get(i);
      List<?> list = spec == null ? List.of() : spec instanceof List<?> l ? l : List.of(spec);
      for (Object m : list) {
        Metric metric = toMetric(m, losses.get(i), outputLastDims.get(i));
        String base = m instanceof String s ? s : metric.name();
        ms.add(metric);
        names.add(n > 1 ? outputNames.get(i) + "_" + base : base);
      }
      metrics.add(ms);
      metricNames.add(names);
    }
  }

  private static String requireName(Object spec, String what) {
    if (spec instanceof String s) {
      return s;
    }
    throw new JKerasException("Could not interpret " + what + ": " + spec + ". Pass a name or an"
        + " object.");
  }

  private static Loss toLoss(Object spec) {
    if (spec == null) {
      return null;
    }
    if (spec instanceof Loss l) {
      return l;
    }
    return Losses.get(requireName(spec, "loss"));
  }

  /** Keras's "accuracy": binary for a binary loss or one output unit, sparse or categorical by loss. */
  private static Metric toMetric(Object spec, Loss loss, int lastDim) {
    if (spec instanceof Metric m) {
      return m;
    }
    String name = requireName(spec, "metric");
    if (name.equals("accuracy") || name.equals("acc")) {
      String lossName = loss == null ? "" : loss.name();
      if (lastDim == 1 || lossName.equals("binary_crossentropy")) {
        return Metrics.get("binary_accuracy");
      }
      if (lossName.equals("sparse_categorical_crossentropy")) {
        return Metrics.get("sparse_categorical_accuracy");
      }
      return Metrics.get("categorical_accuracy");
    }
    return Metrics.get(name);
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> perOutput(Object spec, List<String> outputNames, String what,
      java.util.function.Function<Object, T> convert) {
    int n = outputNames.size();
    List<T> out = new ArrayList<>();
    if (spec instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        if (!outputNames.contains(key)) {
          throw new JKerasException("The " + what + " map has a key '" + key + "' that is not an"
              + " output name. The model's outputs are " + outputNames + ".");
        }
      }
      for (String name : outputNames) {
        out.add(convert.apply(map.get(name)));
      }
      return out;
    }
    if (what.equals("loss") && spec instanceof List<?> list) {
      if (list.size() != n) {
        throw new JKerasException("For a model with " + n + " outputs, the loss list must have "
            + n + " entries, got " + list.size() + ".");
      }
      for (Object o : list) {
        out.add(convert.apply(o));
      }
      return out;
    }
    if (what.equals("metrics") && spec instanceof List<?> list && n > 1 && !list.isEmpty()
        && list.stream().allMatch(e -> e instanceof List<?>)) {
      if (list.size() != n) {
        throw new JKerasException("For a model with " + n + " outputs, a list of metric lists"
            + " must have " + n + " entries, got " + list.size() + ".");
      }
      for (Object o : list) {
        out.add(convert.apply(o));
      }
      return out;
    }
    for (int i = 0; i < n; i++) {
      out.add(convert.apply(spec));
    }
    return out;
  }

  private static List<Double> weights(Object spec, List<String> outputNames) {
    List<Double> out = new ArrayList<>();
    if (spec == null) {
      outputNames.forEach(n -> out.add(1.0));
    } else if (spec instanceof Map<?, ?> map) {
      for (String name : outputNames) {
        Object w = map.get(name);
        out.add(w == null ? 1.0 : ((Number) w).doubleValue());
      }
    } else if (spec instanceof List<?> list) {
      if (list.size() != outputNames.size()) {
        throw new JKerasException("loss_weights has " + list.size() + " entries but the model has "
            + outputNames.size() + " outputs.");
      }
      list.forEach(w -> out.add(((Number) w).doubleValue()));
    }
    return out;
  }

  /** The weighted total of the outputs' losses (regularization losses are added by the caller). */
  Tensor totalLoss(List<Tensor> targets, List<Tensor> predictions, Tensor sampleWeight) {
    Tensor total = null;
    for (int i = 0; i < losses.size(); i++) {
      Loss loss = losses.get(i);
      if (loss == null) {
        continue;
      }
      Tensor part;
      try {
        part = loss.compute(targets.get(i), predictions.get(i), sampleWeight);
      } catch (org.jkeras.backend.IncompatibleShapesException e) {
        throw mismatch("loss '" + loss.name() + "'", i, targets, predictions, sampleWeight, e);
      }
      if (lossWeights.get(i) != 1.0) {
        part = org.jkeras.ops.MathOps.multiply(part, (float) (double) lossWeights.get(i));
      }
      total = total == null ? part : org.jkeras.ops.MathOps.add(total, part);
    }
    return total;
  }

  void updateMetrics(List<Tensor> targets, List<Tensor> predictions, Tensor sampleWeight) {
    for (int i = 0; i < metrics.size(); i++) {
      for (Metric m : metrics.get(i)) {
        try {
          m.updateState(targets.get(i), predictions.get(i), sampleWeight);
        } catch (org.jkeras.backend.IncompatibleShapesException e) {
          throw mismatch("metric '" + m.name() + "'", i, targets, predictions, sampleWeight, e);
        }
      }
    }
  }

  /** A shape error inside a loss or metric, told in terms of the output and its targets. */
  private org.jkeras.backend.IncompatibleShapesException mismatch(String what, int output,
      List<Tensor> targets, List<Tensor> predictions, Tensor sampleWeight, RuntimeException e) {
    return new org.jkeras.backend.IncompatibleShapesException("The " + what + " of output '"
        + outputNames.get(output) + "' cannot compare the targets y[" + output + "] of shape "
        + targets.get(output).shape() + " with the predictions of shape "
        + predictions.get(output).shape() + (sampleWeight == null ? ""
        : " and sample_weight of shape " + sampleWeight.shape()) + ": " + e.getMessage()
        + " Give targets shaped like the model's output (class indices for sparse losses and"
        + " metrics).", e);
  }

  void resetMetrics() {
    lossTracker.resetState();
    metrics.forEach(list -> list.forEach(Metric::resetState));
  }

  /** The current logs: "loss" and every metric by its logged name. */
  Map<String, Double> logs() {
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put("loss", lossTracker.result());
    for (int i = 0; i < metrics.size(); i++) {
      for (int j = 0; j < metrics.get(i).size(); j++) {
        logs.put(metricNames.get(i).get(j), metrics.get(i).get(j).result());
      }
    }
    return logs;
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  // ---- for saving (compile_config) -------------------------------------------------------------

  /** The loss as given to compile (a name, a Loss, a list or a map). */
  public Object lossSpec() {
    return lossSpec;
  }

  /** The metrics as given to compile. */
  public Object metricsSpec() {
    return metricsSpec;
  }

  /** The resolved loss weight of each output. */
  public List<Double> lossWeights() {
    return lossWeights;
  }
}
