package org.jkeras.callbacks;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.Tensor;

/**
 * Stops training when a monitored metric stops improving, as Keras's EarlyStopping (monitor
 * "val_loss", min_delta 0, patience 0, mode "auto", baseline, restore_best_weights,
 * start_from_epoch).
 */
public class EarlyStopping extends Callback {
  private String monitor = "val_loss";
  private double minDelta;
  private int patience;
  private String mode = "auto";
  private Double baseline;
  private boolean restoreBestWeights;
  private int startFromEpoch;
  private int verbose;
  private java.io.PrintStream out = System.out;

  private MonitorMode direction;
  private int wait;
  private int stoppedEpoch;
  private double best;
  private int bestEpoch;
  private List<Tensor> bestWeights;

  public EarlyStopping monitor(String value) {
    monitor = value;
    return this;
  }

  public EarlyStopping minDelta(double value) {
    minDelta = Math.abs(value);
    return this;
  }

  public EarlyStopping patience(int value) {
    patience = value;
    return this;
  }

  public EarlyStopping mode(String value) {
    mode = value;
    return this;
  }

  public EarlyStopping baseline(Double value) {
    baseline = value;
    return this;
  }

  public EarlyStopping restoreBestWeights(boolean value) {
    restoreBestWeights = value;
    return this;
  }

  public EarlyStopping startFromEpoch(int value) {
    startFromEpoch = value;
    return this;
  }

  public EarlyStopping verbose(int value, java.io.PrintStream stream) {
    verbose = value;
    out = stream;
    return this;
  }

  /** The epoch (0-based) at which training was stopped, or 0 when it was not. */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** The epoch (0-based) with the best monitored value. */
  public int bestEpoch() {
    return bestEpoch;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    direction = MonitorMode.of(mode, monitor);
    wait = 0;
    stoppedEpoch = 0;
    best = direction.worst();
    bestWeights = null;
    bestEpoch = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Double current = logs.get(monitor);
    if (current == null) {
      out.println("Early stopping conditioned on metric `" + monitor + "` which is not"
          + " available. Available metrics are: " + String.join(",", logs.keySet()));
      return;
    }
    if (epoch < startFromEpoch) {
      return;
    }
    if (restoreBestWeights && bestWeights == null) {
      bestWeights = model().getWeights();
      bestEpoch = epoch;
    }
    wait++;
    if (direction.improves(current, best, minDelta)) {
      best = current;
      bestEpoch = epoch;
      if (restoreBestWeights) {
        bestWeights = model().getWeights();
      }
      // Only an epoch that beats both the best and the baseline restarts the wait; an improving
      // epoch never stops training.
      if (baseline == null || direction.improves(current, baseline, minDelta)) {
        wait = 0;
      }
      return;
    }
    if (wait >= patience && epoch > 0) {
      stoppedEpoch = epoch;
      model().stopTraining(true);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (stoppedEpoch > 0 && verbose > 0) {
      out.println("Epoch " + (stoppedEpoch + 1) + ": early stopping");
    }
    if (restoreBestWeights && bestWeights != null) {
      if (verbose > 0) {
        out.println("Restoring model weights from the end of the best epoch: " + (bestEpoch + 1)
            + ".");
      }
      model().setWeights(bestWeights);
    }
  }
}
