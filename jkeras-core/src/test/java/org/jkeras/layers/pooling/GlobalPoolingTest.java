package org.jkeras.layers.pooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.layers.CallContext;
import org.jkeras.testing.LayerTestHarness;
import org.jkeras.testing.TensorAssert;
import org.junit.jupiter.api.Test;

/** The global pooling layers through the harness, against float64 loops. */
class GlobalPoolingTest {
  /** Distinct values 0.01 apart in a scrambled order, so max ties never blur gradients. */
  private static Tensor distinct(int... shape) {
    int n = Shape.of(shape).sizeAsInt();
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = ((i * 37L) % n) * 0.01f - n * 0.005f;
    }
    return Tensor.of(v, shape);
  }

  /** Max or mean over the middle (spatial) axis of a (batch, spatial, channels) layout. */
  private static double[] pool(Tensor x, int batch, int spatial, int channels, boolean max) {
    float[] v = x.toFloatArray();
    double[] out = new double[batch * channels];
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < channels; c++) {
        double acc = max ? Double.NEGATIVE_INFINITY : 0;
        for (int s = 0; s < spatial; s++) {
          double e = v[(b * spatial + s) * channels + c];
          acc = max ? Math.max(acc, e) : acc + e;
        }
        out[b * channels + c] = max ? acc : acc / spatial;
      }
    }
    return out;
  }

  private static Tensor tensor(double[] d, int... shape) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return Tensor.of(f, shape);
  }

  @Test
  void oneD() {
    Tensor x = distinct(2, 5, 3);
    LayerTestHarness.of(GlobalMaxPooling1D::new).inputShapes(Shape.of(2, 5, 3)).inputs(x)
        .outputShapes(Shape.of(2, 3)).weights(0, 0)
        .reference(l -> List.of(tensor(pool(x, 2, 5, 3, true), 2, 3)))
        .rejects(Shape.of(3), "expected ndim=3").run();
    LayerTestHarness.of(() -> new GlobalAveragePooling1D().keepdims(true))
        .inputShapes(Shape.of(2, 5, 3)).inputs(x).outputShapes(Shape.of(2, 1, 3)).weights(0, 0)
        .reference(l -> List.of(tensor(pool(x, 2, 5, 3, false), 2, 1, 3)))
        .rejects(Shape.of(2, 3, 3), "expected ndim=3").run();
  }

  @Test
  void twoD() {
    Tensor x = distinct(2, 3, 2, 4);
    LayerTestHarness.of(() -> new GlobalMaxPooling2D().keepdims(true))
        .inputShapes(Shape.of(2, 3, 2, 4)).inputs(x).outputShapes(Shape.of(2, 1, 1, 4))
        .weights(0, 0).reference(l -> List.of(tensor(pool(x, 2, 6, 4, true), 2, 1, 1, 4)))
        .rejects(Shape.of(3, 4), "expected ndim=4").run();
    LayerTestHarness.of(GlobalAveragePooling2D::new)
        .inputShapes(Shape.of(2, 3, 2, 4)).inputs(x).outputShapes(Shape.of(2, 4))
        .weights(0, 0).reference(l -> List.of(tensor(pool(x, 2, 6, 4, false), 2, 4))).run();
    assertEquals(true, new GlobalMaxPooling2D().keepdims(true).getConfig().get("keepdims"));
  }

  @Test
  void maskedAverageUsesUnmaskedStepsOnly() {
    Tensor x = distinct(2, 4, 3);
    boolean[] keep = {true, false, true, false, false, true, true, true};
    Tensor mask = Tensor.ofBools(keep, 2, 4);
    GlobalAveragePooling1D layer = new GlobalAveragePooling1D();
    Tensor y = layer.applyEager(List.of(x), List.of(mask), CallContext.INFERENCE).get(0);
    float[] v = x.toFloatArray();
    double[] expected = new double[6];
    for (int b = 0; b < 2; b++) {
      for (int c = 0; c < 3; c++) {
        double s = 0;
        int n = 0;
        for (int t = 0; t < 4; t++) {
          if (keep[b * 4 + t]) {
            s += v[(b * 4 + t) * 3 + c];
            n++;
          }
        }
        expected[b * 3 + c] = s / n;
      }
    }
    TensorAssert.assertClose(expected, Shape.of(2, 3), y, 1e-6);
    assertNull(layer.computeMask(List.of(x), List.of(mask)).get(0));
    org.jkeras.testing.GradientCheck.standard().check(
        args -> layer.applyEager(List.of(args.get(0)), List.of(mask), CallContext.INFERENCE).get(0),
        x);
  }
}
