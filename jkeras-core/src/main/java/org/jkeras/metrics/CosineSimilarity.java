package org.jkeras.metrics;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.losses.RegressionFunctions;

/**
 * Keras's {@code CosineSimilarity} metric: the mean cosine between labels and predictions along
 * {@code axis}.
 */
public final class CosineSimilarity extends MeanMetricWrapper {
  private final int axis;

  public CosineSimilarity() {
    this(-1, "cosine_similarity");
  }

  public CosineSimilarity(int axis, String name) {
    super(name);
    this.axis = axis;
  }

  static CosineSimilarity fromConfig(Config config) {
    return new CosineSimilarity(config.getInt("axis", -1),
        config.getString("name", "cosine_similarity"));
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return LossMetrics.aligned(yTrue, yPred, (t, p) ->
        RegressionFunctions.cosineSimilarity(t, p, axis));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }
}
