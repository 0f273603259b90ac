package org.jkeras.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code fit} returns: the logs of every epoch, by metric name. */
public class History extends Callback {
  private final List<Integer> epochs = new ArrayList<>();
  private final Map<String, List<Double>> history = new LinkedHashMap<>();

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    epochs.add(epoch);
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
    }
  }

  /** Metric name to one value per epoch (Keras's {@code history.history}). */
  public Map<String, List<Double>> history() {
    return Collections.unmodifiableMap(history);
  }

  /** The values of one metric, one per epoch. */
  public List<Double> get(String metric) {
    List<Double> v = history.get(metric);
    if (v == null) {
      throw new org.jkeras.backend.JKerasException("No metric '" + metric + "' in the history;"
          + " it has " + history.keySet() + ".");
    }
    return Collections.unmodifiableList(v);
  }

  /** The epoch numbers trained (from {@code initialEpoch}). */
  public List<Integer> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /**
   * Draws the loss and metric curves (training and validation, per epoch) as a PNG at
   * {@code png}, as one would with matplotlib from Keras's history; returns the path.
   */
  public java.nio.file.Path plot(java.nio.file.Path png) {
    return org.jkeras.utils.TrainingChart.write(this, png);
  }

  @Override
  public String toString() {
    return "History" + history;
  }
}
