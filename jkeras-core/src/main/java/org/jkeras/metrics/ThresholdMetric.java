package org.jkeras.metrics;

import static org.jkeras.ops.MathOps.add;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.LossReduction;

/**
 * The shared part of {@link Precision} and {@link Recall}: true positives and one error count
 * per threshold, accumulated over batches, and the ratio {@code tp / (tp + errors)}.
 */
abstract class ThresholdMetric extends Metric {
  private final List<Double> initThresholds;
  private final float[] thresholds;
  private final Integer classId;
  private final boolean evenly;
  private Tensor truePositives;
  private Tensor errors;

  ThresholdMetric(String name, List<Double> thresholds, Integer classId) {
    super(name);
    this.initThresholds = thresholds;
    List<Double> t = thresholds == null ? List.of(0.5) : thresholds;
    this.thresholds = new float[t.size()];
    for (int i = 0; i < t.size(); i++) {
      double v = t.get(i);
      if (!(v >= 0 && v <= 1)) {
        throw new JKerasException("Threshold values must be in [0, 1]. Received: " + t);
      }
      this.thresholds[i] = (float) v;
    }
    this.classId = classId;
    this.evenly = ConfusionCounts.evenlyDistributed(this.thresholds);
    resetState();
  }

  /** The error count of this metric: false positives or false negatives. */
  abstract Tensor errors(ConfusionCounts counts);

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    ConfusionCounts c = ConfusionCounts.of(name(), yTrue, yPred, thresholds, sampleWeight,
        classId, false, null, evenly);
    truePositives = add(truePositives, c.tp);
    errors = add(errors, errors(c));
  }

  /** The value at each threshold. */
  public Tensor resultPerThreshold() {
    return LossReduction.divideNoNan(truePositives, add(truePositives, errors));
  }

  /** The value at the single threshold; with several, use {@link #resultPerThreshold}. */
  @Override
  public double result() {
    if (thresholds.length != 1) {
      throw new JKerasException(name() + " has " + thresholds.length + " thresholds and so one "
          + "value per threshold: read them with resultPerThreshold().");
    }
    return resultPerThreshold().getFlat(0);
  }

  @Override
  public void resetState() {
    truePositives = Tensor.zeros(thresholds.length);
    errors = Tensor.zeros(thresholds.length);
  }

  static List<Double> thresholdsOf(Config config) {
    Object v = config.raw("thresholds");
    if (v == null) {
      return null;
    }
    List<Double> out = new ArrayList<>();
    if (v instanceof Number n) {
      out.add(n.doubleValue());
    } else if (v instanceof List<?> l) {
      for (Object o : l) {
        out.add(((Number) o).doubleValue());
      }
    } else {
      throw new JKerasException("thresholds should be a number or a list, got " + v + ".");
    }
    return out;
  }

  static Integer classIdOf(Config config, String owner) {
    if (config.has("top_k")) {
      throw new JKerasException(owner + ": top_k is not available in jkeras; use class_id or "
          + "thresholds instead.");
    }
    return config.has("class_id") ? config.getInt("class_id", 0) : null;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("thresholds", initThresholds == null ? null
        : initThresholds.size() == 1 ? initThresholds.get(0) : initThresholds);
    c.put("top_k", null);
    c.put("class_id", classId);
    return c;
  }
}
