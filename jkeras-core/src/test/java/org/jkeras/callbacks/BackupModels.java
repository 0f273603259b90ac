package org.jkeras.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.regularization.Dropout;
import org.jkeras.models.Model;
import org.jkeras.trainers.FitOptions;

/**
 * The model and data of the backup tests: dropout and shuffling make every batch depend on
 * random state, so only an exact restore of that state reproduces an uninterrupted fit.
 */
final class BackupModels {
  static final int EPOCHS = 4;
  static final int BATCH = 8;

  private BackupModels() {}

  /** The model with weights and dropout seeds from the global seed {@code seed}. */
  static Model build(long seed) {
    RandomSeeds.set(seed);
    KerasTensor x = Keras.input(6);
    KerasTensor h = new Dense(16).activation("relu").apply(x);
    h = new Dropout(0.3).apply(h);
    Model model = new Model(x, new Dense(1).apply(h));
    model.compile("adam", "mse", List.of());
    return model;
  }

  static Tensor x() {
    return Tensor.randomNormal(Shape.of(40, 6), 0f, 1f, 3);
  }

  static Tensor y() {
    return Tensor.randomNormal(Shape.of(40, 1), 0f, 1f, 4);
  }

  static FitOptions options(Callback... callbacks) {
    return FitOptions.epochs(EPOCHS).batchSize(BATCH).verbose(0).callbacks(callbacks);
  }

  /** The weights of a fit never interrupted, from global seed 11. */
  static List<Tensor> reference() {
    Model model = build(11);
    model.fit(x(), y(), options());
    return model.getWeights();
  }

  /** The largest difference between two weight lists. */
  static double maxDifference(List<Tensor> a, List<Tensor> b) {
    assertEquals(a.size(), b.size());
    double max = 0;
    for (int i = 0; i < a.size(); i++) {
      float[] u = a.get(i).toFloatArray();
      float[] v = b.get(i).toFloatArray();
      for (int k = 0; k < u.length; k++) {
        max = Math.max(max, Math.abs(u[k] - v[k]));
      }
    }
    return max;
  }

  /** Throws (a simulated crash) at the end of batch {@code batch} of epoch {@code epoch}. */
  static final class Crash extends Callback {
    private final int epoch;
    private final int batch;
    private int current;

    Crash(int epoch, int batch) {
      this.epoch = epoch;
      this.batch = batch;
    }

    @Override
    public void onEpochBegin(int e, java.util.Map<String, Double> logs) {
      current = e;
    }

    @Override
    public void onTrainBatchEnd(int b, java.util.Map<String, Double> logs) {
      if (current == epoch && b == batch) {
        throw new IllegalStateException("simulated crash");
      }
    }
  }
}
