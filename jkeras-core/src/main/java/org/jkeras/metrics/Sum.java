package org.jkeras.metrics;

import static org.jkeras.ops.MathOps.cast;
import static org.jkeras.ops.MathOps.multiply;
import static org.jkeras.ops.ReductionOps.sum;

import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.losses.LossReduction;

/** Keras's {@code Sum}: the weighted sum of every value seen. */
public final class Sum extends Metric {
  private double total;

  public Sum() {
    this("sum");
  }

  public Sum(String name) {
    super(name);
  }

  /** Adds the values, each times its weight (null: 1). */
  public void updateState(Tensor values, Tensor sampleWeight) {
    Tensor v = cast(values, DType.FLOAT32);
    if (sampleWeight != null) {
      Tensor[] a = LossReduction.squeezeOrExpandToSameRank(v, cast(sampleWeight,
          DType.FLOAT32));
      v = a[0];
      int wr = a[1].rank();
      if (v.rank() > wr) {
        int[] axes = new int[v.rank() - wr];
        for (int i = 0; i < axes.length; i++) {
          axes[i] = wr + i;
        }
        v = sum(v, axes, false);
      }
      v = multiply(v, a[1]);
    }
    total += sum(v).item();
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    throw new JKerasException("Sum '" + name() + "' adds values: call updateState(values, "
        + "sampleWeight), not updateState(yTrue, yPred, sampleWeight).");
  }

  @Override
  public double result() {
    return total;
  }

  @Override
  public void resetState() {
    total = 0;
  }
}
