package org.jkeras.callbacks;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * Sets the learning rate at the start of each epoch from {@code schedule(epoch, currentRate)}, as
 * Keras's LearningRateScheduler.
 */
public class LearningRateScheduler extends Callback {
  private final BiFunction<Integer, Double, Double> schedule;
  private final int verbose;
  private final java.io.PrintStream out;

  public LearningRateScheduler(BiFunction<Integer, Double, Double> schedule) {
    this(schedule, 0, System.out);
  }

  public LearningRateScheduler(BiFunction<Integer, Double, Double> schedule, int verbose,
      java.io.PrintStream out) {
    this.schedule = schedule;
    this.verbose = verbose;
    this.out = out;
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    double lr = schedule.apply(epoch, model().optimizer().learningRate());
    if (Double.isNaN(lr) || Double.isInfinite(lr)) {
      throw new org.jkeras.backend.JKerasException(
          "The output of the schedule function should be a finite float. Got: " + lr);
    }
    model().optimizer().setLearningRate(lr);
    if (verbose > 0) {
      out.println("\nEpoch " + (epoch + 1) + ": LearningRateScheduler setting learning rate to "
          + CSVLogger.pythonRepr(lr) + ".");
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    logs.put("learning_rate", model().optimizer().learningRate());
  }
}
