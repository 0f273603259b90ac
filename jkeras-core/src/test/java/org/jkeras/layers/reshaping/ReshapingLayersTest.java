package org.jkeras.layers.reshaping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.LayerTestHarness;
import org.junit.jupiter.api.Test;

/** The reshaping layers through the harness, against float64 reference loops. */
class ReshapingLayersTest {
  private static Tensor input(int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, 100);
  }

  private static double[] values(Tensor t) {
    double[] d = new double[t.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = t.getFlat(i);
    }
    return d;
  }

  private static Tensor tensor(double[] v, int... shape) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return Tensor.of(f, shape);
  }

  @Test
  void reshape() {
    LayerTestHarness.of(() -> new Reshape(3, 4)).inputShapes(Shape.of(2, 12))
        .outputShapes(Shape.of(2, 3, 4)).weights(0, 0)
        .reference(l -> List.of(tensor(values(input(2, 12)), 2, 3, 4)))
        .rejects(Shape.of(5), "The total size of the tensor must be unchanged").run();
    LayerTestHarness.of(() -> new Reshape(-1, 2, 2)).inputShapes(Shape.of(2, 12))
        .outputShapes(Shape.of(2, 3, 2, 2)).weights(0, 0).run();
    assertEquals(Shape.of(-1, -1, 2), new Reshape(-1, 2).apply(Keras.input(
        Shape.of(-1, 3), null)).shape());
  }

  @Test
  void reshapeErrors() {
    var e = assertThrows(JKerasException.class, () -> new Reshape(3, 5).apply(Keras.input(12)));
    assertEquals("The total size of the tensor must be unchanged. Received: input_shape=(12,),"
        + " target_shape=(3, 5)", e.getMessage());
    e = assertThrows(JKerasException.class, () -> new Reshape(-1, 5).apply(Keras.input(12)));
    assertEquals("The total size of the tensor must be unchanged, however, the input size cannot"
        + " by divided by the specified dimensions in target_shape. Received:"
        + " input_shape=(12,), target_shape=(-1, 5)", e.getMessage());
    e = assertThrows(JKerasException.class, () -> new Reshape(-1, -1));
    assertEquals("The `target_shape` argument must not contain more than one `-1` value."
        + " Received: target_shape=(-1, -1)", e.getMessage());
  }

  @Test
  void permute() {
    LayerTestHarness.of(() -> new Permute(2, 1)).inputShapes(Shape.of(2, 3, 4))
        .outputShapes(Shape.of(2, 4, 3)).weights(0, 0)
        .reference(l -> {
          double[] x = values(input(2, 3, 4));
          double[] y = new double[x.length];
          for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 3; i++) {
              for (int j = 0; j < 4; j++) {
                y[(b * 4 + j) * 3 + i] = x[(b * 3 + i) * 4 + j];
              }
            }
          }
          return List.of(tensor(y, 2, 4, 3));
        })
        .rejects(Shape.of(3), "expected ndim=3").run();
    LayerTestHarness.of(() -> new Permute(3, 1, 2)).inputShapes(Shape.of(1, 2, 3, 4))
        .outputShapes(Shape.of(1, 4, 2, 3)).weights(0, 0).run();
    var e = assertThrows(JKerasException.class, () -> new Permute(1, 3));
    assertEquals("Invalid permutation argument `dims` for Permute Layer. The set of indices in"
        + " `dims` must be consecutive and start from 1. Received dims=(1, 3)", e.getMessage());
  }

  @Test
  void repeatVector() {
    LayerTestHarness.of(() -> new RepeatVector(3)).inputShapes(Shape.of(2, 4))
        .outputShapes(Shape.of(2, 3, 4)).weights(0, 0)
        .reference(l -> {
          double[] x = values(input(2, 4));
          double[] y = new double[24];
          for (int b = 0; b < 2; b++) {
            for (int r = 0; r < 3; r++) {
              for (int f = 0; f < 4; f++) {
                y[(b * 3 + r) * 4 + f] = x[b * 4 + f];
              }
            }
          }
          return List.of(tensor(y, 2, 3, 4));
        })
        .rejects(Shape.of(2, 3), "expected ndim=2").run();
  }

  @Test
  void zeroPadding1D() {
    LayerTestHarness.of(() -> new ZeroPadding1D(1, 2)).inputShapes(Shape.of(2, 3, 2))
        .outputShapes(Shape.of(2, 6, 2)).weights(0, 0)
        .reference(l -> {
          double[] x = values(input(2, 3, 2));
          double[] y = new double[2 * 6 * 2];
          for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 3; t++) {
              for (int f = 0; f < 2; f++) {
                y[(b * 6 + t + 1) * 2 + f] = x[(b * 3 + t) * 2 + f];
              }
            }
          }
          return List.of(tensor(y, 2, 6, 2));
        })
        .rejects(Shape.of(3), "expected ndim=3").run();
    LayerTestHarness.of(ZeroPadding1D::new).inputShapes(Shape.of(1, 2, 3))
        .outputShapes(Shape.of(1, 4, 3)).weights(0, 0).run();
  }

  @Test
  void zeroPadding2D() {
    LayerTestHarness.of(() -> new ZeroPadding2D(new int[][] {{1, 0}, {2, 1}}))
        .inputShapes(Shape.of(2, 2, 3, 2)).outputShapes(Shape.of(2, 3, 6, 2)).weights(0, 0)
        .reference(l -> {
          double[] x = values(input(2, 2, 3, 2));
          double[] y = new double[2 * 3 * 6 * 2];
          for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 2; i++) {
              for (int j = 0; j < 3; j++) {
                for (int c = 0; c < 2; c++) {
                  y[((b * 3 + i + 1) * 6 + j + 2) * 2 + c] = x[((b * 2 + i) * 3 + j) * 2 + c];
                }
              }
            }
          }
          return List.of(tensor(y, 2, 3, 6, 2));
        })
        .rejects(Shape.of(3, 2), "expected ndim=4").run();
    LayerTestHarness.of(ZeroPadding2D::new).inputShapes(Shape.of(1, 2, 2, 1))
        .outputShapes(Shape.of(1, 4, 4, 1)).weights(0, 0).run();
  }

  @Test
  void cropping1D() {
    LayerTestHarness.of(() -> new Cropping1D(1, 2)).inputShapes(Shape.of(2, 5, 2))
        .outputShapes(Shape.of(2, 2, 2)).weights(0, 0)
        .reference(l -> {
          double[] x = values(input(2, 5, 2));
          double[] y = new double[8];
          for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 2; t++) {
              for (int f = 0; f < 2; f++) {
                y[(b * 2 + t) * 2 + f] = x[(b * 5 + t + 1) * 2 + f];
              }
            }
          }
          return List.of(tensor(y, 2, 2, 2));
        })
        .rejects(Shape.of(3, 2), "must be smaller than the input length").run();
  }

  @Test
  void cropping2D() {
    LayerTestHarness.of(() -> new Cropping2D(new int[][] {{1, 0}, {0, 2}}))
        .inputShapes(Shape.of(2, 3, 4, 2)).outputShapes(Shape.of(2, 2, 2, 2)).weights(0, 0)
        .reference(l -> {
          double[] x = values(input(2, 3, 4, 2));
          double[] y = new double[16];
          for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 2; i++) {
              for (int j = 0; j < 2; j++) {
                for (int c = 0; c < 2; c++) {
                  y[((b * 2 + i) * 2 + j) * 2 + c] = x[((b * 3 + i + 1) * 4 + j) * 2 + c];
                }
              }
            }
          }
          return List.of(tensor(y, 2, 2, 2, 2));
        })
        .rejects(Shape.of(1, 4, 2), "Values in `cropping` argument should be smaller").run();
    var e = assertThrows(JKerasException.class,
        () -> new Cropping2D(1).apply(Keras.input(2, 5, 3)));
    assertEquals("Values in `cropping` argument should be smaller than the corresponding spatial"
        + " dimension of the input. Received: input_shape=(None, 2, 5, 3),"
        + " cropping=((1, 1), (1, 1))", e.getMessage());
  }

  @Test
  void kerasConfigForms() {
    var pad = (ZeroPadding2D) org.jkeras.layers.LayerRegistry.fromConfig("ZeroPadding2D",
        java.util.Map.of("padding", 2));
    assertEquals(List.of(List.of(2, 2), List.of(2, 2)), pad.getConfig().get("padding"));
    var crop = (Cropping2D) org.jkeras.layers.LayerRegistry.fromConfig("Cropping2D",
        java.util.Map.of("cropping", List.of(1, List.of(0, 2))));
    assertEquals(List.of(List.of(1, 1), List.of(0, 2)), crop.getConfig().get("cropping"));
    var crop1 = (Cropping1D) org.jkeras.layers.LayerRegistry.fromConfig("Cropping1D",
        java.util.Map.of("cropping", List.of(0, 3)));
    assertEquals(Shape.of(-1, 2, 4), crop1.apply(Keras.input(5, 4)).shape());
    var e = assertThrows(JKerasException.class, () -> new ZeroPadding1D(-1, 0));
    assertEquals("The `padding` argument must be a tuple of 2 integers. Received padding=(-1, 0),"
        + " including values {-1} that do not satisfy `value >= 0`", e.getMessage());
  }

  @Test
  void upSampling() {
    LayerTestHarness.of(() -> new UpSampling1D(3)).inputShapes(Shape.of(2, 2, 2))
        .outputShapes(Shape.of(2, 6, 2)).weights(0, 0)
        .reference(l -> {
          double[] x = values(input(2, 2, 2));
          double[] y = new double[24];
          for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 6; t++) {
              for (int f = 0; f < 2; f++) {
                y[(b * 6 + t) * 2 + f] = x[(b * 2 + t / 3) * 2 + f];
              }
            }
          }
          return List.of(tensor(y, 2, 6, 2));
        })
        .rejects(Shape.of(2), "expected ndim=3").run();
    LayerTestHarness.of(() -> new UpSampling2D(2, 3)).inputShapes(Shape.of(1, 2, 2, 2))
        .outputShapes(Shape.of(1, 4, 6, 2)).weights(0, 0)
        .reference(l -> {
          double[] x = values(input(1, 2, 2, 2));
          double[] y = new double[48];
          for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
              for (int c = 0; c < 2; c++) {
                y[(i * 6 + j) * 2 + c] = x[((i / 2) * 2 + j / 3) * 2 + c];
              }
            }
          }
          return List.of(tensor(y, 1, 4, 6, 2));
        }).run();
    assertEquals(List.of(2, 3), new UpSampling2D(2, 3).getConfig().get("size"));
  }
}
