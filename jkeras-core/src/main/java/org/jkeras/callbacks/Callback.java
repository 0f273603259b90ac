package org.jkeras.callbacks;

import java.util.Map;
import org.jkeras.models.Model;

/**
 * Hooks into {@code fit}, {@code evaluate} and {@code predict}, with Keras's names. Subclass and
 * override what you need; {@code logs} maps metric names ("loss", "accuracy", "val_loss", ...)
 * to values.
 */
public abstract class Callback {
  private Model model;
  private org.jkeras.trainers.FitState fitState;

  /** The model being trained; set by the trainer before training begins. */
  public Model model() {
    return model;
  }

  public void setModel(Model model) {
    this.model = model;
  }

  /** Where the running fit stands (epoch, batch, data); set by {@code fit}, else null. */
  public org.jkeras.trainers.FitState fitState() {
    return fitState;
  }

  public void setFitState(org.jkeras.trainers.FitState state) {
    this.fitState = state;
  }

  public void onTrainBegin(Map<String, Double> logs) {}

  public void onTrainEnd(Map<String, Double> logs) {}

  public void onEpochBegin(int epoch, Map<String, Double> logs) {}

  public void onEpochEnd(int epoch, Map<String, Double> logs) {}

  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {}

  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

  public void onTestBegin(Map<String, Double> logs) {}

  public void onTestEnd(Map<String, Double> logs) {}

  public void onTestBatchBegin(int batch, Map<String, Double> logs) {}

  public void onTestBatchEnd(int batch, Map<String, Double> logs) {}

  public void onPredictBegin(Map<String, Double> logs) {}

  public void onPredictEnd(Map<String, Double> logs) {}

  public void onPredictBatchBegin(int batch, Map<String, Double> logs) {}

  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {}
}
