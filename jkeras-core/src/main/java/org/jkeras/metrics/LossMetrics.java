package org.jkeras.metrics;

import static org.jkeras.ops.MathOps.cast;

import java.util.function.BinaryOperator;
import org.jkeras.backend.DType;
import org.jkeras.backend.Tensor;
import org.jkeras.losses.LossReduction;

/** Runs a loss function as a metric: float32 inputs with their ranks aligned, as losses do. */
final class LossMetrics {
  private LossMetrics() {}

  static Tensor aligned(Tensor yTrue, Tensor yPred, BinaryOperator<Tensor> fn) {
    Tensor[] a = LossReduction.squeezeOrExpandToSameRank(
        cast(yTrue, DType.FLOAT32), cast(yPred, DType.FLOAT32));
    return fn.apply(a[0], a[1]);
  }
}
