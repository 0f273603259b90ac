package org.jkeras.metrics;

import static org.jkeras.ops.ArrayOps.broadcastTo;
import static org.jkeras.ops.MathOps.cast;
import static org.jkeras.ops.MathOps.multiply;
import static org.jkeras.ops.ReductionOps.mean;
import static org.jkeras.ops.ReductionOps.sum;

import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.losses.LossReduction;

/**
 * Keras's {@code Mean}: the weighted mean of every value seen. Values with more axes than the
 * weights are averaged over the extra axes first, so each sample counts by its weight.
 */
public class Mean extends Metric {
  private double total;
  private double count;

  public Mean() {
    this("mean");
  }

  public Mean(String name) {
    super(name);
  }

  /** Adds one value with a weight, such as a batch's loss weighted by the batch size. */
  public void update(double value, double weight) {
    total += value * weight;
    count += weight;
  }

  /** Adds every sample of {@code values}, weighted by {@code sampleWeight} (null: 1 each). */
  public void updateState(Tensor values, Tensor sampleWeight) {
    values = cast(values, DType.FLOAT32);
    Tensor weights = null;
    if (sampleWeight != null) {
      Tensor[] aligned = LossReduction.squeezeOrExpandToSameRank(
          values, cast(sampleWeight, DType.FLOAT32));
      values = aligned[0];
      weights = aligned[1];
      int wr = weights.rank();
      if (values.rank() > wr) {
        values = mean(values, range(wr, values.rank()), false);
      }
      weights = broadcastTo(weights, values.shape());
      values = multiply(values, weights);
      if (wr > 1) {
        weights = mean(weights, range(1, wr), false);
      }
    }
    if (values.rank() > 1) {
      values = mean(values, range(1, values.rank()), false);
    }
    double batchTotal = sum(values).item();
    double samples = weights != null ? sum(weights).item()
        : values.rank() >= 1 ? values.shape().dim(0) : 1;
    total += batchTotal;
    count += samples;
  }

  /** A plain Mean takes values, not labels and predictions: use updateState(values, weights). */
  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    throw new JKerasException(className() + " '" + name() + "' averages values: call "
        + "updateState(values, sampleWeight) or update(value, weight), not "
        + "updateState(yTrue, yPred, sampleWeight).");
  }

  /** The weighted mean; 0 before any update (Keras's divide_no_nan). */
  @Override
  public double result() {
    return count == 0 ? 0 : total / count;
  }

  @Override
  public void resetState() {
    total = 0;
    count = 0;
  }

  /** The weighted sum of the values seen. */
  public double total() {
    return total;
  }

  /** The total weight seen. */
  public double count() {
    return count;
  }

  private static int[] range(int from, int to) {
    int[] axes = new int[to - from];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = from + i;
    }
    return axes;
  }
}
