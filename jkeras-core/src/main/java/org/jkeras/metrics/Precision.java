package org.jkeras.metrics;

import java.util.List;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's {@code Precision}: {@code tp / (tp + fp)} over every batch, a prediction counting as
 * positive above the threshold (0.5 by default); optionally for one class ({@code classId}).
 */
public final class Precision extends ThresholdMetric {
  public Precision() {
    this(null, null, "precision");
  }

  /** {@code thresholds} null means 0.5; {@code classId} null means every prediction. */
  public Precision(List<Double> thresholds, Integer classId, String name) {
    super(name, thresholds, classId);
  }

  static Precision fromConfig(Config config) {
    return new Precision(thresholdsOf(config), classIdOf(config, "Precision"),
        config.getString("name", "precision"));
  }

  @Override
  Tensor errors(ConfusionCounts counts) {
    return counts.fp;
  }
}
