package org.jkeras.losses;

import static org.jkeras.ops.MathOps.cast;

import org.jkeras.backend.DType;
import org.jkeras.backend.Tensor;

/**
 * A loss made from a per-sample function, as Keras's {@code LossFunctionWrapper}: labels become
 * float32 and the ranks of labels and predictions are aligned before the function runs.
 */
abstract class FunctionLoss extends Loss {
  FunctionLoss(String name, String reduction) {
    super(name, reduction);
  }

  /** The loss function on aligned, float32 inputs. */
  abstract Tensor fn(Tensor yTrue, Tensor yPred);

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Tensor[] aligned = LossReduction.squeezeOrExpandToSameRank(
        cast(yTrue, DType.FLOAT32), cast(yPred, DType.FLOAT32));
    return fn(aligned[0], aligned[1]);
  }
}
