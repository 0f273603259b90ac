package org.jkeras.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.Callback;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.models.Model;

/** Small models whose losses can be worked out by hand, and a callback that records its hooks. */
public final class TrainingTestModels {
  private TrainingTestModels() {}

  /** y = x for one feature, with the Dense frozen: every loss is a function of the data alone. */
  public static Model frozenIdentity() {
    KerasTensor in = Keras.input(1);
    Dense dense = new Dense(1).name("identity");
    Model model = new Model(in, dense.apply(in));
    dense.setWeights(List.of(Tensor.of(new float[] {1}, 1, 1), Tensor.of(new float[] {0})));
    dense.trainable(false);
    return model;
  }

  /** A column (n, 1) with the given values. */
  public static Tensor column(float... values) {
    return Tensor.of(values, values.length, 1);
  }

  /** The column 0, 1, ..., n - 1 (times {@code scale}). */
  public static Tensor range(int n, float scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = i * scale;
    }
    return column(v);
  }

  /** Records every hook as "name" or "name:index" (with the logs' keys for epoch ends). */
  public static class Recorder extends Callback {
    public final List<String> events = new ArrayList<>();
    public final List<Map<String, Double>> epochLogs = new ArrayList<>();
    public final List<Double> batchLosses = new ArrayList<>();

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
      events.add("train_begin");
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
      events.add("train_end");
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
      events.add("epoch_begin:" + epoch);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      events.add("epoch_end:" + epoch);
      epochLogs.add(new java.util.LinkedHashMap<>(logs));
    }

    @Override
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
      events.add("train_batch_begin:" + batch);
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
      events.add("train_batch_end:" + batch);
      batchLosses.add(logs.get("loss"));
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
      events.add("test_begin");
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
      events.add("test_end");
    }

    @Override
    public void onTestBatchBegin(int batch, Map<String, Double> logs) {
      events.add("test_batch_begin:" + batch);
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
      events.add("test_batch_end:" + batch);
    }

    /**
     * Each batch's own loss from the running means the batch ends report, for batches of one
     * sample: {@code mean_b (b + 1) - mean_(b-1) b}, restarting at every epoch.
     */
    public List<Double> perBatchLosses() {
      List<Double> out = new ArrayList<>();
      int b = 0;
      double previous = 0;
      for (String e : events) {
        if (e.startsWith("epoch_begin")) {
          b = 0;
          previous = 0;
        } else if (e.startsWith("train_batch_end")) {
          double mean = batchLosses.get(out.size());
          out.add(mean * (b + 1) - previous * b);
          previous = mean;
          b++;
        }
      }
      return out;
    }
  }
}
