package org.jkeras.losses;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code CosineSimilarity} loss: the negated cosine between labels and predictions
 * along {@code axis}, in {@code [-1, 1]}; -1 means aligned, and a zero vector gives 0.
 */
public final class CosineSimilarity extends FunctionLoss {
  private final int axis;

  public CosineSimilarity() {
    this(-1);
  }

  public CosineSimilarity(int axis) {
    this(axis, "sum_over_batch_size", "cosine_similarity");
  }

  public CosineSimilarity(int axis, String reduction, String name) {
    super(name, reduction);
    this.axis = axis;
  }

  static CosineSimilarity fromConfig(Config config) {
    return new CosineSimilarity(config.getInt("axis", -1), Losses.reduction(config),
        Losses.name(config, "cosine_similarity"));
  }

  public int axis() {
    return axis;
  }

  @Override
  Tensor fn(Tensor yTrue, Tensor yPred) {
    return RegressionFunctions.cosineSimilarityLoss(yTrue, yPred, axis);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }
}
