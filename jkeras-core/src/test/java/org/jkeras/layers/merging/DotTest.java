package org.jkeras.layers.merging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.LayerTestHarness;
import org.junit.jupiter.api.Test;

/** Dot through the harness, against a float64 batch_dot written out as loops. */
class DotTest {
  private static Tensor x(int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, 100);
  }

  private static Tensor y(int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, 101);
  }

  @Test
  void axesOneAndTwo() {
    // x (b, 3, 5), y (b, 4, 3), axes (1, 2): out[b, i, j] = sum_k x[b, k, i] * y[b, j, k].
    LayerTestHarness.of(() -> new Dot(1, 2)).inputShapes(Shape.of(2, 3, 5), Shape.of(2, 4, 3))
        .outputShapes(Shape.of(2, 5, 4)).weights(0, 0)
        .reference(l -> {
          float[] a = x(2, 3, 5).toFloatArray();
          float[] b = y(2, 4, 3).toFloatArray();
          float[] out = new float[2 * 5 * 4];
          for (int n = 0; n < 2; n++) {
            for (int i = 0; i < 5; i++) {
              for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                  s += (double) a[(n * 3 + k) * 5 + i] * b[(n * 4 + j) * 3 + k];
                }
                out[(n * 5 + i) * 4 + j] = (float) s;
              }
            }
          }
          return List.of(Tensor.of(out, 2, 5, 4));
        }).run();
  }

  @Test
  void vectorsGiveBatchByOne() {
    LayerTestHarness.of(() -> new Dot(1)).inputShapes(Shape.of(3, 4), Shape.of(3, 4))
        .outputShapes(Shape.of(3, 1)).weights(0, 0)
        .reference(l -> List.of(Tensor.of(rowDots(x(3, 4), y(3, 4), false), 3, 1))).run();
    LayerTestHarness.of(() -> new Dot(-1).normalize(true))
        .inputShapes(Shape.of(3, 4), Shape.of(3, 4)).outputShapes(Shape.of(3, 1)).weights(0, 0)
        .reference(l -> List.of(Tensor.of(rowDots(x(3, 4), y(3, 4), true), 3, 1))).run();
    LayerTestHarness.of(() -> new Dot(1, 2)).inputShapes(Shape.of(2, 3), Shape.of(2, 4, 3))
        .outputShapes(Shape.of(2, 4)).weights(0, 0).run();
  }

  /** Row-wise dot products, or cosine similarities when {@code cosine}. */
  private static float[] rowDots(Tensor a, Tensor b, boolean cosine) {
    int rows = a.shape().dim(0);
    int cols = a.shape().dim(1);
    float[] av = a.toFloatArray();
    float[] bv = b.toFloatArray();
    float[] out = new float[rows];
    for (int r = 0; r < rows; r++) {
      double s = 0;
      double na = 0;
      double nb = 0;
      for (int c = 0; c < cols; c++) {
        s += (double) av[r * cols + c] * bv[r * cols + c];
        na += (double) av[r * cols + c] * av[r * cols + c];
        nb += (double) bv[r * cols + c] * bv[r * cols + c];
      }
      out[r] = (float) (cosine ? s / Math.sqrt(na * nb) : s);
    }
    return out;
  }

  @Test
  void errorsAndConfig() {
    var e = assertThrows(JKerasException.class, () -> new Dot(1).apply(List.of(Keras.input(3),
        Keras.input(4))));
    assertEquals("Incompatible input shapes: axis values 3 (at axis 1) != 4 (at axis 1). Full"
        + " input shapes: (None, 3), (None, 4)", e.getMessage());
    assertEquals(List.of(1, 2), new Dot(1, 2).getConfig().get("axes"));
    assertEquals(-1, new Dot(-1).getConfig().get("axes"));
    var one = assertThrows(JKerasException.class,
        () -> new Dot(1).name("d").apply(Keras.input(3)));
    assertEquals("Layer 'd' expects 2 inputs but was called with 1.", one.getMessage());
  }
}
