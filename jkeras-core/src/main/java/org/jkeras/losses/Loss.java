package org.jkeras.losses;

import static org.jkeras.ops.CompareOps.logicalAnd;
import static org.jkeras.ops.MathOps.cast;

import java.util.Map;
import org.jkeras.backend.DType;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * A loss as Keras 3 defines it: {@link #call} gives one loss per sample, {@link #compute} weighs
 * and reduces them to the scalar that training minimizes. Everything is built from ops, so the
 * gradient flows back to {@code yPred}.
 */
public abstract class Loss {
  private final String name;
  private final String reduction;

  protected Loss(String name, String reduction) {
    this.name = name;
    this.reduction = LossReduction.standardize(reduction);
  }

  /** The name Keras gives this loss, for example {@code "binary_crossentropy"}. */
  public String name() {
    return name;
  }

  /** One of {@link LossReduction#ALLOWED}; {@code "sum_over_batch_size"} by default. */
  public String reduction() {
    return reduction;
  }

  /** The Keras class name, used in the serialized form. */
  public String className() {
    return getClass().getSimpleName();
  }

  /** Per-sample losses: the loss function reduced over the last axis, shaped as the batch. */
  public abstract Tensor call(Tensor yTrue, Tensor yPred);

  /**
   * The mask the loss itself puts on its per-sample values ({@code ignore_class}); null for
   * none.
   */
  protected Tensor outputMask(Tensor yTrue, Tensor yPred) {
    return null;
  }

  /** The reduced loss with optional sample weights (null for none), as Keras's __call__. */
  public Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return compute(yTrue, yPred, sampleWeight, null);
  }

  /**
   * As {@link #compute(Tensor, Tensor, Tensor)} with the mask of {@code yPred} (bool, shaped as
   * the per-sample losses; null for none): masked entries do not count in the average.
   */
  public Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
    Tensor losses = call(yTrue, yPred);
    Tensor outMask = outputMask(yTrue, yPred);
    Tensor merged = mask == null ? outMask
        : outMask == null ? mask
        : logicalAnd(cast(mask, DType.BOOL), outMask);
    return LossReduction.reduceWeightedValues(losses, sampleWeight, merged, reduction);
  }

  /** Keras's config: {@code name} and {@code reduction}, plus each loss's own arguments. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("name", name);
    c.put("reduction", reduction);
    return c;
  }

  @Override
  public String toString() {
    return "<" + className() + " name=" + name + ">";
  }
}
