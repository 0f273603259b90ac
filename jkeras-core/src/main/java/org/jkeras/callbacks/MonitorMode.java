package org.jkeras.callbacks;

import org.jkeras.backend.JKerasException;

/** Whether a monitored metric improves by going down or up; "auto" guesses from its name. */
enum MonitorMode {
  MIN,
  MAX;

  /**
   * "auto" means max for names ending in acc, accuracy or auc, else min. Keras 3.1.1 asks the
   * compiled metric for its direction instead; names are what jkeras's callbacks see in the
   * logs, and for the built-in metrics both rules agree. Unknown modes are an error here, where
   * Keras warns and falls back to "auto".
   */
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
