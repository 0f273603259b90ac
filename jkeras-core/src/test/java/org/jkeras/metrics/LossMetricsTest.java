package org.jkeras.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.losses.Losses;
import org.jkeras.testing.KerasFixtures;
import org.junit.jupiter.api.Test;

/** The loss-based metrics: weighted means of per-sample losses over batches. */
class LossMetricsTest {
  private static final double TOL = 1e-5;

  private static double perSampleMse(float[] t, float[] p, int row, int width) {
    double s = 0;
    for (int j = 0; j < width; j++) {
      double d = t[row * width + j] - p[row * width + j];
      s += d * d;
    }
    return s / width;
  }

  @Test
  void meanSquaredErrorOverBatchesWithWeights() {
    Tensor t1 = Tensor.randomUniform(Shape.of(3, 2), -1f, 1f, 1);
    Tensor p1 = Tensor.randomUniform(Shape.of(3, 2), -1f, 1f, 2);
    Tensor t2 = Tensor.randomUniform(Shape.of(2, 2), -1f, 1f, 3);
    Tensor p2 = Tensor.randomUniform(Shape.of(2, 2), -1f, 1f, 4);
    float[] w2 = {0.5f, 2f};
    MeanSquaredError mse = new MeanSquaredError();
    RootMeanSquaredError rmse = new RootMeanSquaredError();
    mse.updateState(t1, p1, null);
    rmse.updateState(t1, p1, null);
    mse.updateState(t2, p2, Tensor.of(w2));
    rmse.updateState(t2, p2, Tensor.of(w2));
    double total = 0;
    for (int i = 0; i < 3; i++) {
      total += perSampleMse(t1.toFloatArray(), p1.toFloatArray(), i, 2);
    }
    for (int i = 0; i < 2; i++) {
      total += w2[i] * perSampleMse(t2.toFloatArray(), p2.toFloatArray(), i, 2);
    }
    double want = total / (3 + 2.5);
    assertEquals(want, mse.result(), TOL);
    // RMSE averages squared errors elementwise: with equal widths it is sqrt of the same mean.
    assertEquals(Math.sqrt(want), rmse.result(), TOL);
    mse.resetState();
    assertEquals(0, mse.result());
  }

  @Test
  void everyLossMetricAgreesWithItsLossWhenUnweighted() {
    Tensor t = Tensor.of(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0}, 4, 3);
    Tensor p = Tensor.of(new float[] {0.7f, 0.2f, 0.1f, 0.3f, 0.4f, 0.3f, 0.1f, 0.1f, 0.8f,
        0.2f, 0.5f, 0.3f}, 4, 3);
    String[][] pairs = {{"mse", "mse"}, {"mae", "mae"}, {"mape", "mape"}, {"msle", "msle"},
        {"hinge", "hinge"}, {"squared_hinge", "squared_hinge"},
        {"categorical_hinge", "categorical_hinge"}, {"kl_divergence", "kld"},
        {"poisson", "poisson"}, {"binary_crossentropy", "binary_crossentropy"},
        {"categorical_crossentropy", "categorical_crossentropy"},
        {"log_cosh_error", "log_cosh"}};
    for (String[] pair : pairs) {
      Metric m = Metrics.get(pair[0]);
      m.updateState(t, p, null);
      m.updateState(t, p, null);
      assertEquals(Losses.get(pair[1]).compute(t, p, null).item(), m.result(), TOL, pair[0]);
    }
    Metric cos = Metrics.get("cosine_similarity");
    cos.updateState(t, p, null);
    assertEquals(-Losses.get("cosine_similarity").compute(t, p, null).item(), cos.result(), TOL);
    Metric sparse = Metrics.get("sparse_categorical_crossentropy");
    sparse.updateState(Tensor.ofInts(new int[] {0, 1, 2, 0}, 4), p, null);
    assertEquals(Losses.get("categorical_crossentropy").compute(t, p, null).item(),
        sparse.result(), TOL);
  }

  @Test
  void binaryAccuracyMatchesTheFixtureLog() {
    Tensor targets = KerasFixtures.tensor(
        KerasFixtures.json("01_shared_lstm", "inputs.json").get("targets").get(0));
    Tensor pred = KerasFixtures.predictions("01_shared_lstm").get(0);
    double logged = KerasFixtures.json("01_shared_lstm", "train_sgd.json")
        .get("train_on_batch_logs").get("accuracy").asDouble();
    Metric acc = Metrics.get("binary_accuracy");
    acc.updateState(targets, pred, null);
    assertEquals(logged, acc.result(), 1e-6);
  }
}
