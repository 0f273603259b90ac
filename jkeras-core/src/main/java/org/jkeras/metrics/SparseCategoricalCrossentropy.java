package org.jkeras.metrics;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.ProbabilisticFunctions;

/**
 * Keras's {@code SparseCategoricalCrossentropy} metric: the mean cross-entropy against integer
 * labels. Samples whose label is {@code ignoreClass} count as 0, as in Keras's metric.
 */
public final class SparseCategoricalCrossentropy extends MeanMetricWrapper {
  private final boolean fromLogits;
  private final Integer ignoreClass;
  private final int axis;

  public SparseCategoricalCrossentropy() {
    this(false, null, -1, "sparse_categorical_crossentropy");
  }

  public SparseCategoricalCrossentropy(boolean fromLogits, Integer ignoreClass, int axis,
      String name) {
    super(name);
    this.fromLogits = fromLogits;
    this.ignoreClass = ignoreClass;
    this.axis = axis;
  }

  static SparseCategoricalCrossentropy fromConfig(Config config) {
    Integer ignore = config.has("ignore_class") ? config.getInt("ignore_class", 0) : null;
    return new SparseCategoricalCrossentropy(config.getBoolean("from_logits", false), ignore,
        config.getInt("axis", -1), config.getString("name", "sparse_categorical_crossentropy"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, (t, p) ->
        ProbabilisticFunctions.sparseCategoricalCrossentropy(t, p, fromLogits, ignoreClass, axis));
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
