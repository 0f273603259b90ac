package org.jkeras.layers.normalization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.initializers.Constant;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.ReductionOps;
import org.jkeras.testing.LayerTestHarness;
import org.jkeras.testing.TensorAssert;
import org.junit.jupiter.api.Test;

/** BatchNormalization and LayerNormalization against float64 references written here. */
class NormalizationLayersTest {
  /**
   * A float64 normalization of {@code x} viewed as {@code (outer, channels, inner)} around the
   * channel axis, with per-channel statistics (BatchNormalization's layout).
   */
  static double[] batchNormReference(Tensor x, int axis, double[] mean, double[] var,
      float[] gamma, float[] beta, double eps) {
    int a = axis < 0 ? axis + x.rank() : axis;
    int c = x.shape().dim(a);
    int inner = 1;
    for (int i = a + 1; i < x.rank(); i++) {
      inner *= x.shape().dim(i);
    }
    double[] out = new double[x.size()];
    for (int i = 0; i < out.length; i++) {
      int ch = (i / inner) % c;
      double g = gamma == null ? 1 : gamma[ch];
      double b = beta == null ? 0 : beta[ch];
      out[i] = (x.getFlat(i) - mean[ch]) / Math.sqrt(var[ch] + eps) * g + b;
    }
    return out;
  }

  /** Per-channel population mean and variance in float64. */
  static double[][] moments(Tensor x, int axis) {
    int a = axis < 0 ? axis + x.rank() : axis;
    int c = x.shape().dim(a);
    int inner = 1;
    for (int i = a + 1; i < x.rank(); i++) {
      inner *= x.shape().dim(i);
    }
    double[] sum = new double[c];
    double[] sq = new double[c];
    int n = x.size() / c;
    for (int i = 0; i < x.size(); i++) {
      sum[(i / inner) % c] += x.getFlat(i);
    }
    double[] mean = new double[c];
    for (int k = 0; k < c; k++) {
      mean[k] = sum[k] / n;
    }
    for (int i = 0; i < x.size(); i++) {
      double d = x.getFlat(i) - mean[(i / inner) % c];
      sq[(i / inner) % c] += d * d;
    }
    double[] var = new double[c];
    for (int k = 0; k < c; k++) {
      var[k] = sq[k] / n;
    }
    return new double[][] {mean, var};
  }

  static double[] toDoubles(Tensor t) {
    double[] d = new double[t.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = t.getFlat(i);
    }
    return d;
  }

  static Tensor shaped(double[] values, Shape shape) {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return Tensor.wrap(f, shape);
  }

  @Test
  void batchNormalizationInferenceUsesTheMovingStatistics() {
    Tensor x = Tensor.randomUniform(Shape.of(4, 3), -1f, 1f, 100);
    LayerTestHarness.of(() -> new BatchNormalization()
            .movingMeanInitializer(new Constant(0.25)).movingVarianceInitializer(new Constant(2))
            .gammaInitializer(new Constant(1.5)).betaInitializer(new Constant(-0.5)))
        .inputShapes(Shape.of(4, 3)).outputShapes(Shape.of(4, 3))
        .weights(2, 2, "gamma", "beta", "moving_mean", "moving_variance")
        .reference(l -> {
          BatchNormalization b = (BatchNormalization) l;
          return List.of(shaped(batchNormReference(x, -1, toDoubles(b.movingMean()),
              toDoubles(b.movingVariance()), b.gamma().toFloatArray(), b.beta().toFloatArray(),
              1e-3), x.shape()));
        })
        .rejects(Shape.of(), "Axis -1 of input tensor should have a defined dimension").run();
  }

  @Test
  void batchNormalizationTrainingUsesTheBatchStatistics() {
    Tensor x = Tensor.randomUniform(Shape.of(2, 3, 3, 2), -1f, 1f, 100);
    LayerTestHarness.of(() -> new BatchNormalization().epsilon(0.01)
            .gammaInitializer(new Constant(0.8)).betaInitializer(new Constant(0.1)))
        .inputShapes(Shape.of(2, 3, 3, 2)).outputShapes(Shape.of(2, 3, 3, 2)).training()
        .weights(2, 2, "gamma", "beta", "moving_mean", "moving_variance")
        .reference(l -> {
          BatchNormalization b = (BatchNormalization) l;
          double[][] m = moments(x, -1);
          return List.of(shaped(batchNormReference(x, -1, m[0], m[1], b.gamma().toFloatArray(),
              b.beta().toFloatArray(), 0.01), x.shape()));
        }).run();
  }

  @Test
  void batchNormalizationOnAnotherAxisAndWithoutScaleOrCenter() {
    Tensor x = Tensor.randomUniform(Shape.of(3, 2, 4), -1f, 1f, 100);
    LayerTestHarness.of(() -> new BatchNormalization().axis(1).scale(false).center(false))
        .inputShapes(Shape.of(3, 2, 4)).outputShapes(Shape.of(3, 2, 4)).training()
        .weights(0, 2, "moving_mean", "moving_variance")
        .reference(l -> {
          double[][] m = moments(x, 1);
          return List.of(shaped(batchNormReference(x, 1, m[0], m[1], null, null, 1e-3),
              x.shape()));
        }).noTrainingStep().run();
    BatchNormalization b = new BatchNormalization().axis(1);
    b.apply(x, true);
    assertEquals(List.of(2), List.of(b.movingMean().shape().dim(0)));
  }

  @Test
  void movingStatisticsMoveByMomentumOnlyInTraining() {
    Tensor x = Tensor.randomUniform(Shape.of(5, 3), -2f, 2f, 9);
    BatchNormalization b = new BatchNormalization().momentum(0.9);
    b.apply(x, false);
    assertArrayEquals(new float[] {0, 0, 0}, b.movingMean().toFloatArray());
    assertArrayEquals(new float[] {1, 1, 1}, b.movingVariance().toFloatArray());
    double[][] m = moments(x, -1);
    try (GradientTape tape = new GradientTape()) {
      Tensor y = b.apply(x, true);
      List<Tensor> grads = tape.gradient(ReductionOps.sum(MathOps.square(y)),
          b.trainableWeights());
      assertEquals(2, grads.size());
    }
    double[] mean = new double[3];
    double[] var = new double[3];
    for (int k = 0; k < 3; k++) {
      mean[k] = 0.1 * m[0][k];
      var[k] = 0.9 + 0.1 * m[1][k];
    }
    TensorAssert.assertClose(mean, b.movingMean(), 1e-6);
    TensorAssert.assertClose(var, b.movingVariance(), 1e-6);
    assertEquals(List.of(b.movingMean(), b.movingVariance()), b.nonTrainableWeights());
  }

  @Test
  void aFrozenLayerRunsInInferenceModeAndKeepsItsStatistics() {
    Tensor x = Tensor.randomUniform(Shape.of(5, 3), -2f, 2f, 9);
    BatchNormalization b = new BatchNormalization().movingMeanInitializer(new Constant(0.5));
    Tensor inference = b.apply(x, false);
    b.trainable(false);
    Tensor training = b.apply(x, true);
    assertArrayEquals(inference.toFloatArray(), training.toFloatArray());
    assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, b.movingMean().toFloatArray());
    assertEquals(0, b.trainableWeights().size());
    assertEquals(4, b.nonTrainableWeights().size());
    b.trainable(true);
    assertNotEquals(inference.getFlat(0), b.apply(x, true).getFlat(0));
  }

  @Test
  void maskedStepsStayOutOfTheBatchStatistics() {
    Tensor x = Tensor.randomUniform(Shape.of(2, 3, 2), -1f, 1f, 4);
    Tensor mask = Tensor.ofBools(new boolean[] {true, true, false, true, false, false}, 2, 3);
    BatchNormalization b = new BatchNormalization().momentum(0);
    Tensor y = b.applyEager(List.of(x), List.of(mask), CallContext.TRAINING).get(0);
    // Steps (0,0), (0,1), (1,0) are kept.
    int[] kept = {0, 1, 3};
    double[] mean = new double[2];
    double[] var = new double[2];
    for (int c = 0; c < 2; c++) {
      for (int s : kept) {
        mean[c] += x.getFlat(s * 2 + c) / (3 + 1e-7);
      }
      for (int s : kept) {
        double d = x.getFlat(s * 2 + c) - mean[c];
        var[c] += d * d / (3 + 1e-7);
      }
    }
    // Keras subtracts the mean from the masked (zeroed) inputs too, weighting them out.
    TensorAssert.assertClose(mean, b.movingMean(), 1e-5);
    TensorAssert.assertClose(var, b.movingVariance(), 1e-5);
    TensorAssert.assertClose(batchNormReference(x, -1, mean, var, null, null, 1e-3), y, 1e-4);
    var e = assertThrows(JKerasException.class, () -> new BatchNormalization().applyEager(
        List.of(x), List.of(Tensor.ones(2)), CallContext.TRAINING));
    assertEquals("The mask provided should be one dimension less than the inputs. Received:"
        + " mask.shape=(2,), inputs.shape=(2, 3, 2)", e.getMessage());
  }

  @Test
  void batchNormalizationRefusesInputsWithOtherFeatureCounts() {
    BatchNormalization b = new BatchNormalization().name("bn");
    b.apply(Keras.input(8));
    var e = assertThrows(JKerasException.class, () -> b.apply(Keras.input(5)));
    assertEquals("Input 0 of layer \"bn\" is incompatible with the layer: expected axis -1 of"
        + " input shape to have value 8, but received input with shape (None, 5)",
        e.getMessage());
  }

  @Test
  void layerNormalizationOverTheLastAxis() {
    Tensor x = Tensor.randomUniform(Shape.of(3, 5), -1f, 1f, 100);
    LayerTestHarness.of(() -> new LayerNormalization().gammaInitializer(new Constant(1.2))
            .betaInitializer(new Constant(0.3)))
        .inputShapes(Shape.of(3, 5)).outputShapes(Shape.of(3, 5))
        .weights(2, 0, "gamma", "beta")
        .reference(l -> {
          LayerNormalization n = (LayerNormalization) l;
          double[] out = new double[x.size()];
          float[] g = n.gamma().toFloatArray();
          float[] b = n.beta().toFloatArray();
          for (int r = 0; r < 3; r++) {
            double mean = 0;
            double var = 0;
            for (int c = 0; c < 5; c++) {
              mean += x.getFlat(r * 5 + c) / 5;
            }
            for (int c = 0; c < 5; c++) {
              double d = x.getFlat(r * 5 + c) - mean;
              var += d * d / 5;
            }
            for (int c = 0; c < 5; c++) {
              out[r * 5 + c] = (x.getFlat(r * 5 + c) - mean) / Math.sqrt(var + 1e-3) * g[c]
                  + b[c];
            }
          }
          return List.of(shaped(out, x.shape()));
        }).run();
  }

  @Test
  void layerNormalizationOverSeveralAxes() {
    Tensor x = Tensor.randomUniform(Shape.of(2, 3, 4), -1f, 1f, 100);
    LayerTestHarness.of(() -> new LayerNormalization().axes(1, 2).center(false))
        .inputShapes(Shape.of(2, 3, 4)).outputShapes(Shape.of(2, 3, 4))
        .weights(1, 0, "gamma")
        .reference(l -> {
          float[] g = ((LayerNormalization) l).gamma().toFloatArray();
          double[] out = new double[x.size()];
          for (int s = 0; s < 2; s++) {
            double mean = 0;
            double var = 0;
            for (int i = 0; i < 12; i++) {
              mean += x.getFlat(s * 12 + i) / 12;
            }
            for (int i = 0; i < 12; i++) {
              double d = x.getFlat(s * 12 + i) - mean;
              var += d * d / 12;
            }
            for (int i = 0; i < 12; i++) {
              out[s * 12 + i] = (x.getFlat(s * 12 + i) - mean) / Math.sqrt(var + 1e-3) * g[i];
            }
          }
          return List.of(shaped(out, x.shape()));
        }).run();
    LayerTestHarness.of(() -> new LayerNormalization().rmsScaling(true))
        .inputShapes(Shape.of(2, 3, 4)).outputShapes(Shape.of(2, 3, 4))
        .weights(1, 0, "gamma").run();
  }

  @Test
  void layerNormalizationConfigKeepsKerasAxisForm() {
    LayerNormalization n = new LayerNormalization();
    assertEquals(-1, n.getConfig().get("axis"));
    n.apply(Keras.input(4));
    assertEquals(List.of(-1), n.getConfig().get("axis"));
    Layer copy = LayerRegistry.fromConfig("LayerNormalization", n.getConfig());
    assertEquals(n.getConfig().get("axis"), copy.getConfig().get("axis"));
    var e = assertThrows(JKerasException.class,
        () -> new LayerNormalization().axis(2).apply(Keras.input(4)));
    assertEquals("Axis 2 is out of bounds for input shape (None, 4). Ensure axis is within the"
        + " range of input dimensions.", e.getMessage());
  }

  @Test
  void theTrainingFlagReachesALayerInsideANestedModel() {
    BatchNormalization bn = new BatchNormalization();
    var in = Keras.input(3);
    org.jkeras.models.Model inner = new org.jkeras.models.Model(in, bn.apply(in));
    var x = Keras.input(3);
    org.jkeras.models.Model outer = new org.jkeras.models.Model(x, inner.apply(x));
    Tensor data = Tensor.randomUniform(Shape.of(4, 3), -1f, 1f, 2);
    outer.applyEager(List.of(data), CallContext.INFERENCE);
    assertArrayEquals(new float[] {0, 0, 0}, bn.movingMean().toFloatArray());
    Tensor training = outer.applyEager(List.of(data), CallContext.TRAINING).get(0);
    assertNotEquals(0f, bn.movingMean().toFloatArray()[0]);
    double[][] m = moments(data, -1);
    TensorAssert.assertClose(batchNormReference(data, -1, m[0], m[1], null, null, 1e-3),
        training, 1e-4);
    assertEquals(2, outer.nonTrainableWeights().size());
  }
}
