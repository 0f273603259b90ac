package org.jkeras.metrics;

import static org.jkeras.losses.LossReduction.divideNoNan;
import static org.jkeras.ops.CompareOps.greater;
import static org.jkeras.ops.CompareOps.logicalAnd;
import static org.jkeras.ops.MathOps.add;
import static org.jkeras.ops.MathOps.divide;
import static org.jkeras.ops.MathOps.log;
import static org.jkeras.ops.MathOps.maximum;
import static org.jkeras.ops.MathOps.minimum;
import static org.jkeras.ops.MathOps.multiply;
import static org.jkeras.ops.MathOps.subtract;
import static org.jkeras.ops.MathOps.where;
import static org.jkeras.ops.NnOps.sigmoid;
import static org.jkeras.ops.ReductionOps.mean;
import static org.jkeras.ops.ReductionOps.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.ops.IndexingOps;

/**
 * Keras's {@code AUC}: the area under the ROC or precision-recall curve, approximated by a
 * Riemann sum over {@code numThresholds} thresholds (trapezoids by default; PR interpolates as
 * Davis and Goadrich). With {@code multiLabel}, one curve per label, averaged.
 */
public final class AUC extends Metric {
  private final int numThresholds;
  private final String curve;
  private final String summationMethod;
  private final List<Double> initThresholds;
  private final float[] thresholds;
  private final boolean evenly;
  private final boolean multiLabel;
  private final Integer numLabels;
  private final float[] labelWeights;
  private final boolean fromLogits;
  private Tensor tp;
  private Tensor fp;
  private Tensor tn;
  private Tensor fn;

  public AUC() {
    this(200, "ROC", "interpolation", "auc");
  }

  public AUC(int numThresholds, String curve, String summationMethod, String name) {
    this(numThresholds, curve, summationMethod, name, null, false, null, null, false);
  }

  /** Every argument of Keras's AUC; {@code thresholds} (inner ones) overrides the count. */
  public AUC(int numThresholds, String curve, String summationMethod, String name,
      List<Double> thresholds, boolean multiLabel, Integer numLabels, float[] labelWeights,
      boolean fromLogits) {
    super(name);
    this.curve = switch (curve) {
      case "ROC", "roc" -> "ROC";
      case "PR", "pr" -> "PR";
      default -> throw new JKerasException("Invalid AUC curve value: \"" + curve
          + "\". Expected values are [\"PR\", \"ROC\"]");
    };
    this.summationMethod = switch (summationMethod) {
      case "interpolation", "Interpolation" -> "interpolation";
      case "majoring", "Majoring" -> "majoring";
      case "minoring", "Minoring" -> "minoring";
      default -> throw new JKerasException("Invalid AUC summation method value: \""
          + summationMethod + "\". Expected values are [\"interpolation\", \"majoring\", "
          + "\"minoring\"]");
    };
    List<Double> inner = new ArrayList<>();
    if (thresholds != null) {
      inner.addAll(thresholds);
      inner.sort(null);
      this.numThresholds = inner.size() + 2;
    } else {
      if (numThresholds <= 1) {
        throw new JKerasException("Argument `num_thresholds` must be an integer > 1. "
            + "Received: num_thresholds=" + numThresholds);
      }
      this.numThresholds = numThresholds;
      for (int i = 0; i < numThresholds - 2; i++) {
        inner.add((i + 1) * 1.0 / (numThresholds - 1));
      }
    }
    this.initThresholds = thresholds == null ? null : List.copyOf(inner);
    this.thresholds = new float[this.numThresholds];
    this.thresholds[0] = (float) (0.0 - 1e-7);
    for (int i = 0; i < inner.size(); i++) {
      this.thresholds[i + 1] = inner.get(i).floatValue();
    }
    this.thresholds[this.numThresholds - 1] = (float) (1.0 + 1e-7);
    float[] withEnds = this.thresholds.clone();
    withEnds[0] = 0f;
    withEnds[withEnds.length - 1] = 1f;
    this.evenly = thresholds == null || ConfusionCounts.evenlyDistributed(withEnds);
    if (!multiLabel && numLabels != null) {
      throw new JKerasException("`num_labels` is needed only when `multi_label` is True.");
    }
    this.multiLabel = multiLabel;
    this.numLabels = numLabels;
    this.labelWeights = labelWeights == null ? null : labelWeights.clone();
    this.fromLogits = fromLogits;
  }

  static AUC fromConfig(Config config) {
    List<Double> thresholds = ThresholdMetric.thresholdsOf(config);
    float[] lw = null;
    if (config.raw("label_weights") instanceof List<?> l) {
      lw = new float[l.size()];
      for (int i = 0; i < lw.length; i++) {
        lw[i] = ((Number) l.get(i)).floatValue();
      }
    }
    Integer numLabels = config.has("num_labels") ? config.getInt("num_labels", 0) : null;
    return new AUC(config.getInt("num_thresholds", 200), config.getString("curve", "ROC"),
        config.getString("summation_method", "interpolation"), config.getString("name", "auc"),
        thresholds, config.getBoolean("multi_label", false), numLabels, lw,
        config.getBoolean("from_logits", false));
  }

  /** Every threshold, including the two outer ones just beyond 0 and 1. */
  public float[] thresholds() {
    return thresholds.clone();
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Tensor pred = fromLogits ? sigmoid(yPred) : yPred;
    Tensor lw = labelWeights == null || multiLabel ? null : Tensor.of(labelWeights);
    ConfusionCounts c = ConfusionCounts.of(name(), yTrue, pred, thresholds, sampleWeight, null,
        multiLabel, lw, evenly);
    if (tp == null) {
      tp = c.tp;
      fp = c.fp;
      tn = c.tn;
      fn = c.fn;
    } else {
      if (!tp.shape().equals(c.tp.shape())) {
        throw new JKerasException(name() + ": this batch has " + c.tp.shape().dim(-1)
            + " labels but earlier batches had " + tp.shape().dim(-1) + ".");
      }
      tp = add(tp, c.tp);
      fp = add(fp, c.fp);
      tn = add(tn, c.tn);
      fn = add(fn, c.fn);
    }
  }

  @Override
  public void resetState() {
    tp = null;
    fp = null;
    tn = null;
    fn = null;
  }

  /** The area; 0 before any update. */
  @Override
  public double result() {
    if (tp == null) {
      return 0;
    }
    Tensor perThreshold;
    if (curve.equals("PR") && summationMethod.equals("interpolation")) {
      perThreshold = interpolatePrIncrements();
    } else {
      Tensor recall = divideNoNan(tp, add(tp, fn));
      Tensor x;
      Tensor y;
      if (curve.equals("ROC")) {
        x = divideNoNan(fp, add(fp, tn));
        y = recall;
      } else {
        x = recall;
        y = divideNoNan(tp, add(tp, fp));
      }
      Tensor y0 = head(y);
      Tensor y1 = tail(y);
      Tensor heights = switch (summationMethod) {
        case "interpolation" -> divide(add(y0, y1), 2f);
        case "minoring" -> minimum(y0, y1);
        default -> maximum(y0, y1);
      };
      perThreshold = multiply(subtract(head(x), tail(x)), heights);
    }
    return combine(perThreshold);
  }

  /** Davis & Goadrich's interpolation of precision between thresholds, as Keras. */
  private Tensor interpolatePrIncrements() {
    Tensor dtp = subtract(head(tp), tail(tp));
    Tensor p = add(tp, fp);
    Tensor dp = subtract(head(p), tail(p));
    Tensor precSlope = divideNoNan(dtp, maximum(dp, 0f));
    Tensor intercept = subtract(tail(tp), multiply(precSlope, tail(p)));
    Tensor safePRatio = where(logicalAnd(greater(head(p), 0f), greater(tail(p), 0f)),
        divideNoNan(head(p), maximum(tail(p), 0f)), Tensor.ones(tail(p).shape()));
    return divideNoNan(multiply(precSlope, add(dtp, multiply(intercept, log(safePRatio)))),
        maximum(add(tail(tp), tail(fn)), 0f));
  }

  private double combine(Tensor perThreshold) {
    if (!multiLabel) {
      return sum(perThreshold).item();
    }
    Tensor byLabel = sum(perThreshold, 0);
    if (labelWeights == null) {
      return mean(byLabel).item();
    }
    Tensor w = Tensor.of(labelWeights);
    return divideNoNan(sum(multiply(byLabel, w)), sum(w)).item();
  }

  /** Rows 0 .. n-2 along the threshold axis. */
  private Tensor head(Tensor x) {
    return rows(x, 0);
  }

  /** Rows 1 .. n-1 along the threshold axis. */
  private Tensor tail(Tensor x) {
    return rows(x, 1);
  }

  private Tensor rows(Tensor x, int from) {
    int[] start = new int[x.rank()];
    start[0] = from;
    int[] size = x.shape().dims();
    size[0] = numThresholds - 1;
    return IndexingOps.slice(x, start, size);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("num_thresholds", numThresholds);
    c.put("curve", curve);
    c.put("summation_method", summationMethod);
    c.put("multi_label", multiLabel);
    c.put("num_labels", numLabels);
    List<Object> lw = null;
    if (labelWeights != null) {
      lw = new ArrayList<>();
      for (float v : labelWeights) {
        lw.add((double) v);
      }
    }
    c.put("label_weights", lw);
    c.put("from_logits", fromLogits);
    if (initThresholds != null) {
      c.put("thresholds", initThresholds);
    }
    return c;
  }
}
