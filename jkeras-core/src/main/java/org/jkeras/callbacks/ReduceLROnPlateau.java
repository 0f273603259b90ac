package org.jkeras.callbacks;

import java.util.Map;

/**
 * Lowers the learning rate when a metric has stopped improving, as Keras's ReduceLROnPlateau
 * (monitor "val_loss", factor 0.1, patience 10, mode "auto", min_delta 1e-4, cooldown 0, min_lr 0).
 */
public class ReduceLROnPlateau extends Callback {
  private String monitor = "val_loss";
  private double factor = 0.1;
  private int patience = 10;
  private String mode = "auto";
  private double minDelta = 1e-4;
  private int cooldown;
  private double minLr;
  private int verbose;
  private java.io.PrintStream out = System.out;

  private MonitorMode direction;
  private double best;
  private int wait;
  private int cooldownCounter;

  public ReduceLROnPlateau monitor(String value) {
    monitor = value;
    return this;
  }

  public ReduceLROnPlateau factor(double value) {
    if (value >= 1.0) {
      throw new org.jkeras.backend.JKerasException(
          "ReduceLROnPlateau does not support a factor >= 1.0. Got " + value);
    }
    factor = value;
    return this;
  }

  public ReduceLROnPlateau patience(int value) {
    patience = value;
    return this;
  }

  public ReduceLROnPlateau mode(String value) {
    mode = value;
    return this;
  }

  public ReduceLROnPlateau minDelta(double value) {
    minDelta = value;
    return this;
  }

  public ReduceLROnPlateau cooldown(int value) {
    cooldown = value;
    return this;
  }

  public ReduceLROnPlateau minLr(double value) {
    minLr = value;
    return this;
  }

  public ReduceLROnPlateau verbose(int value, java.io.PrintStream stream) {
    verbose = value;
    out = stream;
    return this;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    direction = MonitorMode.of(mode, monitor);
    best = direction.worst();
    wait = 0;
    cooldownCounter = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    double lr = model().optimizer().learningRate();
    logs.put("learning_rate", lr);
    Double current = logs.get(monitor);
    if (current == null) {
      out.println("Learning rate reduction is conditioned on metric `" + monitor + "` which is"
          + " not available. Available metrics are: " + String.join(",", logs.keySet()) + ".");
      return;
    }
    if (cooldownCounter > 0) {
      cooldownCounter--;
      wait = 0;
    }
    // As Keras, the cooldown is checked again after the countdown: cooldown N idles N - 1 epochs.
    if (direction.improves(current, best, minDelta)) {
      best = current;
      wait = 0;
    } else if (cooldownCounter == 0) {
      wait++;
      // The learning rate is a float32 variable: compare at that precision, as Keras.
      if (wait >= patience && lr > (float) minLr) {
        double newLr = Math.max(lr * factor, minLr);
        model().optimizer().setLearningRate(newLr);
        if (verbose > 0) {
          out.println("\nEpoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning rate to "
              + CSVLogger.pythonRepr(newLr) + ".");
        }
        cooldownCounter = cooldown;
        wait = 0;
      }
    }
  }
}
