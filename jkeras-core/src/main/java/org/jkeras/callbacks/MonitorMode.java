package org.jkeras.callbacks;

import org.jkeras.backend.JKerasException;

/** Whether a monitored metric improves by going down or up; "auto" guesses from its name. */
enum MonitorMode {
  MIN,
  MAX;

  /** Keras's rule: "auto" means max for accuracy-like and AUC metrics, else min. */
  static MonitorMode of(String mode, String monitor) {
    return switch (mode) {
      case "min" -> MIN;
      case "max" -> MAX;
      case "auto" -> monitor.endsWith("acc") || monitor.endsWith("accuracy")
          || monitor.endsWith("auc") ? MAX : MIN;
      default -> throw new JKerasException("Unknown mode '" + mode + "'. Expected one of"
          + " \"auto\", \"min\", \"max\".");
    };
  }

  double worst() {
    return this == MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  /** True when {@code current} beats {@code reference} by more than {@code minDelta}. */
  boolean improves(double current, double reference, double minDelta) {
    return this == MIN ? current + minDelta < reference : current - minDelta > reference;
  }
}
