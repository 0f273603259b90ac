package org.jkeras.losses;

import static org.jkeras.ops.ArrayOps.expandDims;
import static org.jkeras.ops.ArrayOps.squeeze;
import static org.jkeras.ops.CompareOps.equal;
import static org.jkeras.ops.MathOps.cast;
import static org.jkeras.ops.MathOps.divide;
import static org.jkeras.ops.MathOps.multiply;
import static org.jkeras.ops.MathOps.where;
import static org.jkeras.ops.ReductionOps.sum;

import java.util.Arrays;
import java.util.List;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;

/**
 * Keras's loss reduction ({@code keras/src/losses/loss.py}): rank alignment of labels, weights and
 * masks, sample weighting and the {@code "sum_over_batch_size"} family of reductions. Shared by
 * losses and metrics so that both weigh samples the same way.
 */
public final class LossReduction {
  /** The reductions Keras accepts; {@code null} means no reduction, like {@code "none"}. */
  public static final List<String> ALLOWED =
      Arrays.asList("sum_over_batch_size", "sum", null, "none", "mean", "mean_with_sample_weight");

  private LossReduction() {}

  /** Returns {@code reduction} if Keras accepts it, else throws naming the valid values. */
  public static String standardize(String reduction) {
    if (!ALLOWED.contains(reduction)) {
      throw new JKerasException("Invalid value for argument `reduction`. Expected one of "
          + ALLOWED + ". Received: reduction=" + reduction);
    }
    return reduction;
  }

  /**
   * Squeezes or expands the last axis when the ranks differ by exactly one and the longer one
   * ends in 1, as Keras's {@code squeeze_or_expand_to_same_rank}.
   */
  public static Tensor[] squeezeOrExpandToSameRank(Tensor x1, Tensor x2, boolean expandRank1) {
    int r1 = x1.rank();
    int r2 = x2.rank();
    if (r1 == r2) {
      return new Tensor[] {x1, x2};
    }
    if (r1 == r2 + 1 && x1.shape().dim(-1) == 1) {
      if (r2 == 1 && expandRank1) {
        x2 = expandDims(x2, -1);
      } else {
        x1 = squeeze(x1, -1);
      }
    }
    if (r2 == r1 + 1 && x2.shape().dim(-1) == 1) {
      if (r1 == 1 && expandRank1) {
        x1 = expandDims(x1, -1);
      } else {
        x2 = squeeze(x2, -1);
      }
    }
    return new Tensor[] {x1, x2};
  }

  public static Tensor[] squeezeOrExpandToSameRank(Tensor x1, Tensor x2) {
    return squeezeOrExpandToSameRank(x1, x2, true);
  }

  /** {@code a / b}, with 0 wherever {@code b} is 0 (Keras's {@code divide_no_nan}). */
  public static Tensor divideNoNan(Tensor a, Tensor b) {
    Tensor zero = equal(b, 0f);
    Tensor safe = where(zero, Tensor.scalar(1f), b);
    return where(zero, Tensor.scalar(0f), divide(a, safe));
  }

  /**
   * Merges a mask into the sample weights. For the averaging reductions valid entries weigh
   * {@code total / valid}, so the average runs over valid entries only.
   */
  public static Tensor applyMask(Tensor sampleWeight, Tensor mask, String reduction) {
    if (mask == null) {
      return sampleWeight;
    }
    Tensor floatMask;
    if ("mean".equals(reduction) || "sum_over_batch_size".equals(reduction)) {
      Tensor total = Tensor.scalar(mask.size());
      Tensor valid = sum(cast(cast(mask, DType.BOOL), DType.FLOAT32));
      Tensor maskWeight = divideNoNan(total, valid);
      floatMask = where(cast(mask, DType.BOOL), maskWeight, Tensor.scalar(0f));
    } else {
      floatMask = cast(cast(mask, DType.BOOL), DType.FLOAT32);
    }
    if (sampleWeight == null) {
      return floatMask;
    }
    Tensor[] aligned = squeezeOrExpandToSameRank(floatMask, cast(sampleWeight, DType.FLOAT32));
    return multiply(aligned[1], aligned[0]);
  }

  /** Weights {@code values} by {@code sampleWeight} and {@code mask}, then reduces them. */
  public static Tensor reduceWeightedValues(
      Tensor values, Tensor sampleWeight, Tensor mask, String reduction) {
    standardize(reduction);
    values = cast(values, DType.FLOAT32);
    if (sampleWeight != null) {
      sampleWeight = cast(sampleWeight, DType.FLOAT32);
    }
    sampleWeight = applyMask(sampleWeight, mask, reduction);
    if (sampleWeight != null) {
      Tensor[] aligned = squeezeOrExpandToSameRank(values, sampleWeight);
      values = multiply(aligned[0], aligned[1]);
    }
    return reduceValues(values, sampleWeight, reduction);
  }

  /** Sums {@code values}, divided by their count (or by the weights' sum) as {@code reduction}. */
  public static Tensor reduceValues(Tensor values, Tensor sampleWeight, String reduction) {
    if (reduction == null || reduction.equals("none") || values.rank() == 0
        || (values.rank() == 1 && values.size() == 0)) {
      return values;
    }
    Tensor loss = sum(values);
    if (reduction.equals("sum")) {
      return loss;
    }
    Tensor divisor = reduction.equals("mean_with_sample_weight") && sampleWeight != null
        ? sum(sampleWeight)
        : Tensor.scalar(values.size());
    return divideNoNan(loss, divisor);
  }
}
