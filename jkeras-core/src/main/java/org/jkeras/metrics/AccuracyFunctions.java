package org.jkeras.metrics;

import static org.jkeras.ops.ArrayOps.reshape;
import static org.jkeras.ops.ArrayOps.squeeze;
import static org.jkeras.ops.CompareOps.equal;
import static org.jkeras.ops.CompareOps.greater;
import static org.jkeras.ops.CompareOps.lessEqual;
import static org.jkeras.ops.IndexingOps.oneHot;
import static org.jkeras.ops.MathOps.cast;
import static org.jkeras.ops.MathOps.where;
import static org.jkeras.ops.ReductionOps.argmax;
import static org.jkeras.ops.ReductionOps.max;
import static org.jkeras.ops.ReductionOps.sum;

import org.jkeras.backend.DType;
import org.jkeras.backend.Tensor;
import org.jkeras.losses.LossReduction;

/** Keras's per-sample accuracy functions: 1 where the prediction is right, 0 elsewhere. */
public final class AccuracyFunctions {
  private AccuracyFunctions() {}

  private static Tensor floats(Tensor x) {
    return cast(x, DType.FLOAT32);
  }

  /** Exact equality of labels and predictions. */
  public static Tensor accuracy(Tensor yTrue, Tensor yPred) {
    Tensor[] a = LossReduction.squeezeOrExpandToSameRank(floats(yTrue), floats(yPred));
    return floats(equal(a[0], a[1]));
  }

  /** Whether {@code yPred > threshold} agrees with the 0/1 label. */
  public static Tensor binaryAccuracy(Tensor yTrue, Tensor yPred, double threshold) {
    Tensor[] a = LossReduction.squeezeOrExpandToSameRank(floats(yTrue), floats(yPred));
    Tensor predicted = floats(greater(a[1], (float) threshold));
    return floats(equal(a[0], predicted));
  }

  /** Whether the largest prediction is at the one-hot label's class. */
  public static Tensor categoricalAccuracy(Tensor yTrue, Tensor yPred) {
    Tensor labels = argmax(floats(yTrue), -1);
    return floats(equal(labels, argmax(floats(yPred), -1)));
  }

  /** Whether the largest prediction is at the integer label. */
  public static Tensor sparseCategoricalAccuracy(Tensor yTrue, Tensor yPred) {
    Tensor labels = floats(yTrue);
    if (labels.rank() == yPred.rank() && labels.rank() > 0 && labels.shape().dim(-1) == 1) {
      labels = squeeze(labels, -1);
    }
    Tensor matches = floats(equal(labels, floats(argmax(floats(yPred), -1))));
    if (matches.rank() > 1 && matches.shape().dim(-1) == 1) {
      matches = squeeze(matches, -1);
    }
    return matches;
  }

  /** Whether the one-hot label's class is among the {@code k} largest predictions. */
  public static Tensor topKCategoricalAccuracy(Tensor yTrue, Tensor yPred, int k) {
    return inTopK(argmax(floats(yTrue), -1), floats(yPred), k);
  }

  /** Whether the integer label is among the {@code k} largest predictions. */
  public static Tensor sparseTopKCategoricalAccuracy(Tensor yTrue, Tensor yPred, int k) {
    Tensor labels = cast(yTrue, DType.INT32);
    int classes = yPred.shape().dim(-1);
    Tensor flat = reshape(labels, -1);
    Tensor rows = reshape(floats(yPred), -1, classes);
    return reshape(inTopK(flat, rows, k), labels.shape());
  }

  /**
   * Keras's {@code in_top_k}: the label's rank (1 + the number of strictly larger predictions)
   * is at most {@code k}, so ties at the k-th place count as in.
   */
  static Tensor inTopK(Tensor labels, Tensor yPred, int k) {
    int classes = yPred.shape().dim(-1);
    Tensor isLabel = cast(oneHot(labels, classes), DType.BOOL);
    Tensor atLabel = max(where(isLabel, yPred, Tensor.scalar(Float.NEGATIVE_INFINITY)), -1, true);
    Tensor larger = sum(floats(greater(yPred, atLabel)), -1);
    return floats(lessEqual(larger, k - 1f));
  }
}
