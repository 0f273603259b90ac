package org.jkeras.losses;

import static org.jkeras.ops.CompareOps.notEqual;
import static org.jkeras.ops.MathOps.cast;

import java.util.Map;
import org.jkeras.backend.DType;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code SparseCategoricalCrossentropy}: integer class labels (int or float tensors)
 * against a distribution over the last axis, or logits with {@code fromLogits}. A label outside
 * {@code [0, classes)} is an error naming it; with {@code ignoreClass}, that label's samples
 * count neither in the loss nor in the average.
 */
public final class SparseCategoricalCrossentropy extends Loss {
  private final boolean fromLogits;
  private final Integer ignoreClass;
  private final int axis;

  public SparseCategoricalCrossentropy() {
    this(false);
  }

  public SparseCategoricalCrossentropy(boolean fromLogits) {
    this(fromLogits, null, -1, "sum_over_batch_size", "sparse_categorical_crossentropy");
  }

  public SparseCategoricalCrossentropy(boolean fromLogits, Integer ignoreClass, int axis,
      String reduction, String name) {
    super(name, reduction);
    this.fromLogits = fromLogits;
    this.ignoreClass = ignoreClass;
    this.axis = axis;
  }

  static SparseCategoricalCrossentropy fromConfig(Config config) {
    Integer ignore = config.has("ignore_class") ? config.getInt("ignore_class", 0) : null;
    return new SparseCategoricalCrossentropy(config.getBoolean("from_logits", false), ignore,
        config.getInt("axis", -1), Losses.reduction(config),
        Losses.name(config, "sparse_categorical_crossentropy"));
  }

  public boolean fromLogits() {
    return fromLogits;
  }

  public Integer ignoreClass() {
    return ignoreClass;
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Tensor[] aligned = LossReduction.squeezeOrExpandToSameRank(
        cast(yTrue, DType.FLOAT32), cast(yPred, DType.FLOAT32));
    return ProbabilisticFunctions.sparseCategoricalCrossentropy(
        aligned[0], aligned[1], fromLogits, ignoreClass, axis);
  }

  @Override
  protected Tensor outputMask(Tensor yTrue, Tensor yPred) {
    if (ignoreClass == null) {
      return null;
    }
    Tensor[] aligned = LossReduction.squeezeOrExpandToSameRank(
        cast(yTrue, DType.FLOAT32), cast(yPred, DType.FLOAT32));
    Tensor labels = ProbabilisticFunctions.squeezeLabels(aligned[0], aligned[1]);
    return notEqual(labels, (float) ignoreClass);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("ignore_class", ignoreClass);
    c.put("axis", axis);
    return c;
  }
}
