package org.jkeras.metrics;

import java.util.List;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code Recall}: {@code tp / (tp + fn)} over every batch, a prediction counting as
 * positive above the threshold (0.5 by default); optionally for one class ({@code classId}).
 */
public final class Recall extends ThresholdMetric {
  public Recall() {
    this(null, null, "recall");
  }

  /** {@code thresholds} null means 0.5; {@code classId} null means every prediction. */
  public Recall(List<Double> thresholds, Integer classId, String name) {
    super(name, thresholds, classId);
  }

  static Recall fromConfig(Config config) {
    return new Recall(thresholdsOf(config), classIdOf(config, "Recall"),
        config.getString("name", "recall"));
  }

  @Override
  Tensor errors(ConfusionCounts counts) {
    return counts.fn;
  }
}
