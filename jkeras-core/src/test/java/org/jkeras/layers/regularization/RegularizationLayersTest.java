package org.jkeras.layers.regularization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.layers.CallContext;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.ReductionOps;
import org.jkeras.testing.LayerTestHarness;
import org.junit.jupiter.api.Test;

/** The regularization layers: harness, training vs inference, statistics, seeds, losses. */
class RegularizationLayersTest {
  private static final Shape BIG = Shape.of(100, 100);

  @Test
  void harness() {
    for (boolean training : new boolean[] {false, true}) {
      run(LayerTestHarness.of(() -> new Dropout(0.5).seed(3)), training, Shape.of(2, 3, 4));
      run(LayerTestHarness.of(() -> new Dropout(0.3).noiseShape(-1, 1, 4)), training,
          Shape.of(2, 3, 4));
      run(LayerTestHarness.of(() -> new SpatialDropout1D(0.4).seed(1)), training,
          Shape.of(2, 3, 4));
      run(LayerTestHarness.of(() -> new SpatialDropout2D(0.4)), training, Shape.of(2, 2, 3, 4));
      run(LayerTestHarness.of(() -> new GaussianNoise(0.2).seed(5)), training, Shape.of(2, 3));
      run(LayerTestHarness.of(() -> new GaussianDropout(0.2)), training, Shape.of(2, 3));
    }
    LayerTestHarness.of(() -> new ActivityRegularization(0.01, 0.02))
        .inputShapes(Shape.of(2, 3)).outputShapes(Shape.of(2, 3)).weights(0, 0)
        .reference(l -> List.of(Tensor.randomUniform(Shape.of(2, 3), -1f, 1f, 100))).run();
    LayerTestHarness.of(() -> new SpatialDropout1D(0.5)).inputShapes(Shape.of(2, 3, 4))
        .rejects(Shape.of(3), "expected ndim=3").run();
    LayerTestHarness.of(() -> new SpatialDropout2D(0.5)).inputShapes(Shape.of(2, 2, 3, 4))
        .rejects(Shape.of(3, 4), "expected ndim=4").run();
  }

  /** In inference the harness checks gradients and a reference; in training the layer is random. */
  private static void run(LayerTestHarness h, boolean training, Shape shape) {
    h.inputShapes(shape).outputShapes(shape).weights(0, 0);
    if (training) {
      h.training().noGradientCheck().run();
    } else {
      h.reference(l -> List.of(Tensor.randomUniform(shape, -1f, 1f, 100))).run();
    }
  }

  @Test
  void dropoutRateAndScaling() {
    Tensor ones = Tensor.ones(BIG);
    float[] y = new Dropout(0.3).seed(11).apply(ones, true).toFloatArray();
    int zeros = 0;
    for (float v : y) {
      if (v == 0f) {
        zeros++;
      } else {
        assertEquals(1 / 0.7f, v, 1e-6f);
      }
    }
    assertEquals(0.3, zeros / (double) y.length, 0.02);
  }

  @Test
  void dropoutInferenceIsIdentity() {
    Tensor x = Tensor.randomUniform(BIG, -1f, 1f, 2);
    Dropout d = new Dropout(0.5);
    assertSame(x, d.apply(x));
    assertSame(x, d.apply(x, false));
    assertSame(x, new Dropout(0.0).apply(x, true));
    assertArrayEquals(new float[4], new Dropout(1.0).apply(Tensor.ones(2, 2), true)
        .toFloatArray());
  }

  @Test
  void sameSeedSameMasks() {
    Tensor x = Tensor.ones(Shape.of(4, 8));
    Dropout a = new Dropout(0.5).seed(42);
    Dropout b = new Dropout(0.5).seed(42);
    float[] a1 = a.apply(x, true).toFloatArray();
    float[] a2 = a.apply(x, true).toFloatArray();
    assertArrayEquals(a1, b.apply(x, true).toFloatArray());
    assertArrayEquals(a2, b.apply(x, true).toFloatArray());
    assertFalse(Arrays.equals(a1, a2), "each call draws a new mask");
    assertFalse(Arrays.equals(a1, new Dropout(0.5).seed(43).apply(x, true).toFloatArray()));
    Tensor n1 = new GaussianNoise(0.5).seed(9).apply(x, true);
    assertArrayEquals(n1.toFloatArray(), new GaussianNoise(0.5).seed(9).apply(x, true)
        .toFloatArray());
  }

  @Test
  void dropoutGradientFollowsTheMask() {
    Tensor x = Tensor.randomUniform(Shape.of(3, 5), -1f, 1f, 4);
    Dropout d = new Dropout(0.4).seed(8);
    Tensor y;
    List<Tensor> g;
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      y = d.apply(x, true);
      g = tape.gradient(ReductionOps.sum(y), List.of(x));
    }
    float[] yv = y.toFloatArray();
    float[] gv = g.get(0).toFloatArray();
    for (int i = 0; i < yv.length; i++) {
      assertEquals(yv[i] == 0f ? 0f : 1 / 0.6f, gv[i], 1e-6f);
    }
  }

  @Test
  void noiseShapeSharesTheMask() {
    Tensor x = Tensor.ones(Shape.of(3, 20, 4));
    float[] y = new Dropout(0.5).noiseShape(-1, 1, -1).seed(1).apply(x, true).toFloatArray();
    assertSharedOverSteps(y, 3, 20, 4);
    float[] s = new SpatialDropout1D(0.5).seed(2).apply(x, true).toFloatArray();
    assertSharedOverSteps(s, 3, 20, 4);
    float[] s2 = new SpatialDropout2D(0.5).seed(2).apply(Tensor.ones(Shape.of(2, 4, 5, 6)), true)
        .toFloatArray();
    assertSharedOverSteps(s2, 2, 20, 6);
  }

  private static void assertSharedOverSteps(float[] y, int batch, int steps, int channels) {
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < channels; c++) {
        for (int t = 1; t < steps; t++) {
          assertEquals(y[(b * steps) * channels + c], y[(b * steps + t) * channels + c]);
        }
      }
    }
  }

  @Test
  void spatialDropoutRate() {
    float[] y = new SpatialDropout1D(0.25).seed(5).apply(Tensor.ones(Shape.of(50, 2, 100)), true)
        .toFloatArray();
    int zeros = 0;
    for (float v : y) {
      zeros += v == 0f ? 1 : 0;
    }
    assertEquals(0.25, zeros / (double) y.length, 0.03);
  }

  @Test
  void gaussianNoiseStatistics() {
    Tensor x = Tensor.full(BIG, 2f);
    float[] y = new GaussianNoise(0.5).seed(3).apply(x, true).toFloatArray();
    double[] ms = meanStd(y);
    assertEquals(2.0, ms[0], 0.02);
    assertEquals(0.5, ms[1], 0.02);
    assertSame(x, new GaussianNoise(0.5).apply(x, false));
  }

  @Test
  void gaussianDropoutStatistics() {
    Tensor x = Tensor.full(BIG, 2f);
    float[] y = new GaussianDropout(0.2).seed(3).apply(x, true).toFloatArray();
    double[] ms = meanStd(y);
    assertEquals(2.0, ms[0], 0.02);
    assertEquals(2 * Math.sqrt(0.2 / 0.8), ms[1], 0.02);
    assertSame(x, new GaussianDropout(0.2).apply(x, false));
  }

  private static double[] meanStd(float[] y) {
    double s = 0;
    double ss = 0;
    for (float v : y) {
      s += v;
      ss += (double) v * v;
    }
    double mean = s / y.length;
    return new double[] {mean, Math.sqrt(ss / y.length - mean * mean)};
  }

  @Test
  void activityRegularizationAddsItsLoss() {
    Tensor x = Tensor.of(new float[] {1f, -2f, 0.5f, 3f}, 2, 2);
    ActivityRegularization r = new ActivityRegularization(0.1, 0.01);
    assertSame(x, r.applyEager(List.of(x), CallContext.TRAINING).get(0));
    List<Tensor> losses = r.losses();
    assertEquals(1, losses.size());
    double l1 = 1 + 2 + 0.5 + 3;
    double l2 = 1 + 4 + 0.25 + 9;
    assertEquals(0.1 * l1 + 0.01 * l2, losses.get(0).item(), 1e-5);
    r.applyEager(List.of(x), CallContext.TRAINING);
    assertEquals(1, r.losses().size(), "each call replaces the last call's loss");
    assertEquals(0.0, new ActivityRegularization().getConfig().get("l1"));
  }

  @Test
  void rateErrors() {
    for (double rate : new double[] {-0.1, 1.5}) {
      var e = assertThrows(JKerasException.class, () -> new Dropout(rate));
      assertEquals("Invalid value received for argument `rate`. Expected a float value between 0"
          + " and 1. Received: rate=" + rate, e.getMessage());
    }
    var e = assertThrows(JKerasException.class, () -> new GaussianNoise(2));
    assertEquals("Invalid value received for argument `stddev`. Expected a float value between 0"
        + " and 1. Received: stddev=2.0", e.getMessage());
    e = assertThrows(JKerasException.class, () -> new Dropout(0.5).noiseShape(2, 0));
    assertTrue(e.getMessage().contains("Received negative or zero value at index 1: 0"));
  }

  @Test
  void trainingFlagFlowsThroughNestedModels() {
    org.jkeras.graph.KerasTensor in = org.jkeras.Keras.input(50);
    org.jkeras.models.Model inner = new org.jkeras.models.Model(in,
        new Dropout(0.5).seed(4).apply(in));
    org.jkeras.graph.KerasTensor outer = org.jkeras.Keras.input(50);
    org.jkeras.models.Model model = new org.jkeras.models.Model(outer, inner.apply(outer));
    Tensor x = Tensor.ones(Shape.of(2, 50));
    assertArrayEquals(x.toFloatArray(), model.apply(x, false).toFloatArray());
    float[] y = model.apply(x, true).toFloatArray();
    long zeros = 0;
    for (float v : y) {
      zeros += v == 0f ? 1 : 0;
    }
    assertTrue(zeros > 20 && zeros < 80, "about half dropped in training, got " + zeros);
  }

  @Test
  void configs() {
    var c = new Dropout(0.25).seed(7).noiseShape(-1, 1, 3).getConfig();
    assertEquals(0.25, c.get("rate"));
    assertEquals(7, c.get("seed"));
    assertEquals(Arrays.asList(null, 1, 3), c.get("noise_shape"));
    Dropout loaded = (Dropout) org.jkeras.layers.LayerRegistry.fromConfig("Dropout",
        java.util.Map.of("rate", 0.2, "name", "drop"));
    assertEquals(0.2, loaded.rate());
    assertEquals(null, loaded.getConfig().get("noise_shape"));
    assertEquals(List.of("rate", "seed", "name", "dtype", "data_format"),
        List.copyOf(new SpatialDropout2D(0.1).getConfig().keySet()));
  }
}
