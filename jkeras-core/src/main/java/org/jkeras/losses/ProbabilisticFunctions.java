package org.jkeras.losses;

import static org.jkeras.ops.ArrayOps.expandDims;
import static org.jkeras.ops.ArrayOps.squeeze;
import static org.jkeras.ops.CompareOps.notEqual;
import static org.jkeras.ops.IndexingOps.oneHot;
import static org.jkeras.ops.MathOps.add;
import static org.jkeras.ops.MathOps.cast;
import static org.jkeras.ops.MathOps.clip;
import static org.jkeras.ops.MathOps.divide;
import static org.jkeras.ops.MathOps.log;
import static org.jkeras.ops.MathOps.multiply;
import static org.jkeras.ops.MathOps.negative;
import static org.jkeras.ops.MathOps.subtract;
import static org.jkeras.ops.MathOps.where;
import static org.jkeras.ops.NnOps.logSoftmax;
import static org.jkeras.ops.NnOps.softplus;
import static org.jkeras.ops.ReductionOps.mean;
import static org.jkeras.ops.ReductionOps.sum;

import java.util.Arrays;
import org.jkeras.backend.DType;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * The cross-entropy family and the other probabilistic losses as per-sample functions (Keras's
 * {@code binary_crossentropy}, {@code categorical_crossentropy}, ...). Probabilities are clipped
 * to {@code [1e-7, 1 - 1e-7]} before the log, as Keras's backends do.
 */
public final class ProbabilisticFunctions {
  /** Keras's {@code backend.epsilon()}. */
  public static final float EPSILON = 1e-7f;

  private ProbabilisticFunctions() {}

  static Tensor floats(Tensor x) {
    return cast(x, DType.FLOAT32);
  }

  static void requireSameShape(String op, Tensor yTrue, Tensor yPred) {
    if (!yTrue.shape().equals(yPred.shape())) {
      throw IncompatibleShapesException.of(op, yTrue.shape(), yPred.shape(),
          "y_true and y_pred must have the same shape");
    }
  }

  /** Mean over {@code axis} of the elementwise binary cross-entropy. */
  public static Tensor binaryCrossentropy(
      Tensor yTrue, Tensor yPred, boolean fromLogits, double labelSmoothing, int axis) {
    Tensor t = floats(yTrue);
    if (labelSmoothing != 0) {
      t = add(multiply(t, (float) (1 - labelSmoothing)), (float) (0.5 * labelSmoothing));
    }
    requireSameShape("binary_crossentropy", t, yPred);
    Tensor bce;
    if (fromLogits) {
      // -t*log(sigmoid(x)) - (1-t)*log(sigmoid(-x)) with log(sigmoid(x)) = -softplus(-x).
      bce = add(multiply(t, softplus(negative(yPred))), multiply(subtract(1f, t), softplus(yPred)));
    } else {
      Tensor p = clip(yPred, EPSILON, 1f - EPSILON);
      bce = negative(add(multiply(t, log(p)), multiply(subtract(1f, t), log(subtract(1f, p)))));
    }
    return mean(bce, axis);
  }

  /** {@code -sum(yTrue * log(p))} over {@code axis}, {@code p} the normalized predictions. */
  public static Tensor categoricalCrossentropy(
      Tensor yTrue, Tensor yPred, boolean fromLogits, double labelSmoothing, int axis) {
    Tensor t = floats(yTrue);
    if (yPred.rank() < 1) {
      throw new JKerasException("categorical_crossentropy: y_true and y_pred must be at least "
          + "rank 1, got shapes " + t.shape() + " and " + yPred.shape() + ".");
    }
    int ax = normalizeAxis("categorical_crossentropy", yPred.shape(), axis);
    if (labelSmoothing != 0) {
      int classes = yPred.shape().dim(ax);
      t = add(multiply(t, (float) (1 - labelSmoothing)), (float) (labelSmoothing / classes));
    }
    requireSameShape("categorical_crossentropy", t, yPred);
    return negative(sum(multiply(t, logProbabilities(yPred, fromLogits, ax)), ax));
  }

  /** Log-probabilities along {@code axis}: log-softmax of logits, or log of clipped shares. */
  static Tensor logProbabilities(Tensor yPred, boolean fromLogits, int axis) {
    if (fromLogits) {
      return logSoftmax(yPred, axis);
    }
    Tensor p = divide(yPred, sum(yPred, axis, true));
    return log(clip(p, EPSILON, 1f - EPSILON));
  }

  /**
   * Categorical cross-entropy against integer class labels (int or float; floats are truncated
   * as Keras does). Labels outside {@code [0, classes)} are an error. With {@code ignoreClass},
   * those labels give a loss of 0.
   */
  public static Tensor sparseCategoricalCrossentropy(
      Tensor yTrue, Tensor yPred, boolean fromLogits, Integer ignoreClass, int axis) {
    String op = "sparse_categorical_crossentropy";
    if (yPred.rank() < 1) {
      throw new JKerasException(op + ": y_pred must be at least rank 1, got shape "
          + yPred.shape() + ".");
    }
    int ax = normalizeAxis(op, yPred.shape(), axis);
    if (ax != yPred.rank() - 1) {
      throw new JKerasException(op + ": only axis=-1 (the last axis) is supported, got axis="
          + axis + " for y_pred of shape " + yPred.shape() + ".");
    }
    Tensor labels = squeezeLabels(yTrue, yPred);
    Shape expected = Shape.of(Arrays.copyOf(yPred.shape().dims(), yPred.rank() - 1));
    if (!labels.shape().equals(expected)) {
      throw new IncompatibleShapesException(op + ": y_true of shape " + yTrue.shape()
          + " does not match y_pred of shape " + yPred.shape() + "; y_true must have y_pred's "
          + "shape without the class axis, " + expected + " (or with a last axis of size 1).");
    }
    Tensor valid = null;
    Tensor pred = yPred;
    if (ignoreClass != null) {
      valid = notEqual(floats(labels), (float) ignoreClass);
      labels = where(valid, floats(labels), Tensor.scalar(0f));
      pred = where(expandDims(valid, ax), yPred, Tensor.scalar(0f));
    }
    int classes = yPred.shape().dim(ax);
    Tensor indices = checkedLabels(op, labels, classes);
    Tensor losses = negative(sum(
        multiply(oneHot(indices, classes), logProbabilities(pred, fromLogits, ax)), ax));
    if (valid != null) {
      losses = where(valid, losses, Tensor.scalar(0f));
    }
    return losses;
  }

  /** Labels with a trailing axis of size 1 dropped when they have y_pred's rank. */
  static Tensor squeezeLabels(Tensor yTrue, Tensor yPred) {
    if (yTrue.rank() == yPred.rank() && yTrue.rank() > 0 && yTrue.shape().dim(-1) == 1) {
      return squeeze(yTrue, -1);
    }
    return yTrue;
  }

  /** Truncates labels to int32 and names the first one outside {@code [0, classes)}. */
  static Tensor checkedLabels(String op, Tensor labels, int classes) {
    int[] values = labels.toIntArray();
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] >= classes) {
        throw new JKerasException(op + ": label " + labelText(labels, i) + " (at flat position "
            + i + ") is out of range for " + classes + " classes; labels must be integers in [0, "
            + classes + ").");
      }
    }
    return Tensor.wrapInts(values, labels.shape());
  }

  private static String labelText(Tensor labels, int i) {
    double v = labels.getFlat(i);
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** {@code sum(t * log(t / p))} over the last axis, both clipped to {@code [1e-7, 1]}. */
  public static Tensor klDivergence(Tensor yTrue, Tensor yPred) {
    Tensor t = clip(floats(yTrue), EPSILON, 1f);
    Tensor p = clip(yPred, EPSILON, 1f);
    return sum(multiply(t, log(divide(t, p))), -1);
  }

  /** {@code mean(p - t * log(p + 1e-7))} over the last axis. */
  public static Tensor poisson(Tensor yTrue, Tensor yPred) {
    Tensor t = floats(yTrue);
    return mean(subtract(yPred, multiply(t, log(add(yPred, EPSILON)))), -1);
  }

  static int normalizeAxis(String op, Shape shape, int axis) {
    try {
      return shape.normalizeAxis(axis);
    } catch (JKerasException e) {
      throw new JKerasException(op + ": " + e.getMessage());
    }
  }
}
