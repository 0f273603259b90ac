package org.jkeras.metrics;

import static org.jkeras.ops.ArrayOps.broadcastTo;
import static org.jkeras.ops.ArrayOps.expandDims;
import static org.jkeras.ops.ArrayOps.reshape;
import static org.jkeras.ops.CompareOps.greater;
import static org.jkeras.ops.MathOps.cast;
import static org.jkeras.ops.MathOps.clip;
import static org.jkeras.ops.MathOps.multiply;
import static org.jkeras.ops.MathOps.subtract;
import static org.jkeras.ops.ReductionOps.sum;

import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.losses.LossReduction;
import org.jkeras.ops.IndexingOps;

/**
 * One batch's weighted true/false positives/negatives at each threshold, as Keras's
 * {@code update_confusion_matrix_variables}: a prediction is positive when it is strictly above
 * the threshold, and a label is positive when nonzero.
 */
final class ConfusionCounts {
  final Tensor tp;
  final Tensor fp;
  final Tensor tn;
  final Tensor fn;

  private ConfusionCounts(Tensor tp, Tensor fp, Tensor tn, Tensor fn) {
    this.tp = tp;
    this.fp = fp;
    this.tn = tn;
    this.fn = fn;
  }

  /**
   * Counts of shape (thresholds) or, with {@code multiLabel}, (thresholds, labels).
   * {@code clipPredictions} clips predictions to [0, 1] first, as Keras's bucketed path for
   * evenly spaced thresholds does.
   */
  static ConfusionCounts of(String owner, Tensor yTrue, Tensor yPred, float[] thresholds,
      Tensor sampleWeight, Integer classId, boolean multiLabel, Tensor labelWeights,
      boolean clipPredictions) {
    Tensor[] a = LossReduction.squeezeOrExpandToSameRank(
        cast(yPred, DType.FLOAT32), cast(yTrue, DType.FLOAT32));
    Tensor pred = a[0];
    Tensor labels = a[1];
    if (!pred.shape().equals(labels.shape())) {
      throw new JKerasException(owner + ": y_true of shape " + yTrue.shape()
          + " does not match y_pred of shape " + yPred.shape() + ".");
    }
    Tensor weights = null;
    if (sampleWeight != null) {
      Tensor w = expandDims(cast(sampleWeight, DType.FLOAT32), -1);
      weights = LossReduction.squeezeOrExpandToSameRank(labels, w, false)[1];
    }
    if (classId != null) {
      if (pred.rank() < 2 || classId < 0 || classId >= pred.shape().dim(-1)) {
        throw new JKerasException(owner + ": class_id " + classId + " needs y_pred of shape "
            + "(samples, classes) with more than " + classId + " classes, got " + pred.shape()
            + ".");
      }
      pred = lastAxisColumn(pred, classId);
      labels = lastAxisColumn(labels, classId);
    }
    if (clipPredictions) {
      pred = clip(pred, 0f, 1f);
    }
    labels = cast(cast(labels, DType.BOOL), DType.FLOAT32);
    Tensor w = weights == null ? null : broadcastTo(weights, pred.shape());
    if (labelWeights != null && !multiLabel) {
      Tensor lw = broadcastTo(expandDims(cast(labelWeights, DType.FLOAT32), 0), pred.shape());
      w = w == null ? lw : multiply(w, lw);
    }
    int columns;
    if (multiLabel) {
      if (pred.rank() != 2) {
        throw new JKerasException(owner + ": y_pred must have rank 2 when multi_label=True, "
            + "got shape " + pred.shape() + ".");
      }
      columns = pred.shape().dim(1);
    } else {
      columns = 1;
    }
    int rows = pred.size() / columns;
    Tensor p = reshape(pred, 1, rows, columns);
    Tensor l = reshape(labels, 1, rows, columns);
    Tensor thr = reshape(Tensor.of(thresholds), thresholds.length, 1, 1);
    Tensor positive = cast(greater(p, thr), DType.FLOAT32);
    Tensor negative = subtract(1f, positive);
    Tensor lNeg = subtract(1f, l);
    Tensor lw = w == null ? l : multiply(l, reshape(w, 1, rows, columns));
    Tensor lNegW = w == null ? lNeg : multiply(lNeg, reshape(w, 1, rows, columns));
    Tensor tp = sum(multiply(positive, lw), 1);
    Tensor fp = sum(multiply(positive, lNegW), 1);
    Tensor fn = sum(multiply(negative, lw), 1);
    Tensor tn = sum(multiply(negative, lNegW), 1);
    if (!multiLabel) {
      tp = reshape(tp, -1);
      fp = reshape(fp, -1);
      fn = reshape(fn, -1);
      tn = reshape(tn, -1);
    }
    return new ConfusionCounts(tp, fp, tn, fn);
  }

  private static Tensor lastAxisColumn(Tensor x, int column) {
    int[] start = new int[x.rank()];
    int[] size = x.shape().dims();
    start[x.rank() - 1] = column;
    size[x.rank() - 1] = 1;
    return IndexingOps.slice(x, start, size);
  }

  /** Keras's check: at least 3 thresholds spaced as {@code i / (n - 1)} within 1e-7. */
  static boolean evenlyDistributed(float[] thresholds) {
    int n = thresholds.length;
    if (n < 3) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      float even = (float) i / (n - 1);
      if (Math.abs(thresholds[i] - even) > 1e-7 + 1e-5 * Math.abs(even)) {
        return false;
      }
    }
    return true;
  }
}
