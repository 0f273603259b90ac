package org.jkeras.optimizers.schedules;

import java.util.Map;

/**
 * A learning rate that depends on the optimizer's step count, as Keras's
 * {@code keras.optimizers.schedules.LearningRateSchedule}. Values are computed in double; the
 * optimizer rounds them to float32 when it uses them.
 */
public abstract class LearningRateSchedule {
  /** The learning rate at {@code step} (the optimizer's iterations before the update). */
  public abstract double value(long step);

  /** Keras's class name, for serialization. */
  public abstract String className();

  /** Keras's config keys and values. */
  public abstract Map<String, Object> getConfig();

  static void requirePositiveSteps(String owner, String key, int steps) {
    if (steps <= 0) {
      throw new org.jkeras.backend.JKerasException(
          owner + ": argument `" + key + "` must be > 0. Received: " + key + "=" + steps);
    }
  }
}
