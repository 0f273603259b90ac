package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class PoolOpsTest {
  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  /** Distinct values 0.05 apart in random order: no ties, and no max changes under +-1e-3. */
  private static Tensor distinct(long seed, int... shape) {
    int n = Shape.of(shape).sizeAsInt();
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i - n / 2) * 0.05f;
    }
    Random r = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      float t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
    return Tensor.of(v, shape);
  }

  /** Max or mean over each window's real positions, x (N, H, W, C). */
  private static double[] reference(Tensor x, int[] pool, int[] s, String padding, boolean max) {
    int n = x.shape().dim(0);
    int h = x.shape().dim(1);
    int w = x.shape().dim(2);
    int c = x.shape().dim(3);
    int[] wy = ConvReference.window(h, pool[0], s[0], 1, padding);
    int[] wx = ConvReference.window(w, pool[1], s[1], 1, padding);
    double[] y = new double[n * wy[0] * wx[0] * c];
    int idx = 0;
    for (int b = 0; b < n; b++) {
      for (int oy = 0; oy < wy[0]; oy++) {
        for (int ox = 0; ox < wx[0]; ox++) {
          for (int ch = 0; ch < c; ch++) {
            double acc = max ? Double.NEGATIVE_INFINITY : 0;
            int count = 0;
            for (int i = 0; i < pool[0]; i++) {
              for (int j = 0; j < pool[1]; j++) {
                int iy = oy * s[0] - wy[1] + i;
                int ix = ox * s[1] - wx[1] + j;
                if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                  double v = x.getFloat(b, iy, ix, ch);
                  acc = max ? Math.max(acc, v) : acc + v;
                  count++;
                }
              }
            }
            y[idx++] = max ? acc : acc / count;
          }
        }
      }
    }
    return y;
  }

  @Test
  void poolsMatchReferenceWithSamePaddingAndStrides() {
    long seed = 1;
    for (int[] hw : new int[][] {{7, 7}, {6, 8}, {5, 3}}) {
      for (int[] pool : new int[][] {{2, 2}, {3, 3}, {3, 2}}) {
        for (int[] s : new int[][] {{1, 1}, {2, 2}, {3, 1}}) {
          for (String padding : new String[] {"valid", "same"}) {
            // 17 channels: a full vector and a scalar tail.
            Tensor x = rand(seed++, 2, hw[0], hw[1], 17);
            int oh = ConvReference.window(hw[0], pool[0], s[0], 1, padding)[0];
            int ow = ConvReference.window(hw[1], pool[1], s[1], 1, padding)[0];
            Shape out = Shape.of(2, oh, ow, 17);
            assertClose(reference(x, pool, s, padding, true), out,
                PoolOps.maxPool(x, pool, s, padding), 0);
            assertClose(reference(x, pool, s, padding, false), out,
                PoolOps.averagePool(x, pool, s, padding), 1e-6);
          }
        }
      }
    }
  }

  @Test
  void sameAveragePoolingCountsOnlyRealPositions() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5}, 1, 5, 1);
    // Pool 2, stride 2, "same": out 3, total padding 1, all of it after. Windows {1,2}, {3,4},
    // {5, pad}: the last averages one real value.
    assertClose(new double[] {1.5, 3.5, 5}, Shape.of(1, 3, 1),
        PoolOps.averagePool1d(x, 2, 2, "same"), 1e-7);
    // Pool 3, stride 1, "same": padding 1 before and after.
    assertClose(new double[] {1.5, 2, 3, 4, 4.5}, Shape.of(1, 5, 1),
        PoolOps.averagePool1d(x, 3, 1, "same"), 1e-7);
    assertClose(new double[] {2, 3, 4, 5, 5}, Shape.of(1, 5, 1),
        PoolOps.maxPool1d(x, 3, 1, "same"), 0);
  }

  @Test
  void stridesDefaultToThePoolSize() {
    Tensor x = rand(3, 1, 6, 6, 2);
    assertClose(PoolOps.maxPool(x, new int[] {2}, new int[] {2}, "valid").toFloatArray(),
        PoolOps.maxPool(x, new int[] {2}), 0);
    assertEquals(Shape.of(1, 3, 3, 2), PoolOps.averagePool(x, new int[] {2}).shape());
    assertEquals(Shape.of(1, 2, 2, 2), PoolOps.maxPool(x, new int[] {3}).shape());
  }

  @Test
  void pool3dWithDepthOneEqualsPool2d() {
    Tensor x = rand(4, 2, 1, 5, 6, 3);
    Tensor x2 = x.withShape(Shape.of(2, 5, 6, 3));
    assertClose(PoolOps.maxPool(x2, new int[] {2, 3}, new int[] {2, 2}, "same").toFloatArray(),
        PoolOps.maxPool(x, new int[] {1, 2, 3}, new int[] {1, 2, 2}, "same"), 0);
    assertClose(PoolOps.averagePool(x2, new int[] {3}, new int[] {1}, "same").toFloatArray(),
        PoolOps.averagePool(x, new int[] {1, 3, 3}, new int[] {1}, "same"), 1e-6);
  }

  @Test
  void maxPoolGradientGoesToTheFirstMaximum() {
    Tensor x = Tensor.of(new float[] {1, 3, 3, 2}, 1, 4, 1);
    Tensor g;
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      // Windows {1,3} and {3,3} overlapping at index 1, {3,2}: index 1 wins twice.
      g = tape.gradient(PoolOps.maxPool1d(x, 2, 1, "valid"), List.of(x)).get(0);
    }
    assertClose(new double[] {0, 2, 1, 0}, g, 0);
  }

  @Test
  void poolGradients() {
    GradientCheck check = GradientCheck.standard();
    check.check(v -> PoolOps.maxPool2d(v.get(0), 2, 2, "valid"), distinct(1, 2, 4, 4, 3));
    check.check(v -> PoolOps.maxPool2d(v.get(0), 3, 2, "same"), distinct(2, 1, 5, 4, 2));
    check.check(v -> PoolOps.maxPool1d(v.get(0), 3, 1, "same"), distinct(3, 2, 6, 2));
    check.check(v -> PoolOps.averagePool2d(v.get(0), 2, 2, "valid"), rand(4, 2, 4, 4, 3));
    check.check(v -> PoolOps.averagePool2d(v.get(0), 3, 2, "same"), rand(5, 1, 5, 4, 2));
    check.check(v -> PoolOps.averagePool1d(v.get(0), 3, 1, "same"), rand(6, 2, 6, 2));
    check.check(v -> PoolOps.averagePool(v.get(0), new int[] {2, 2, 2}, new int[] {1},
        "same"), rand(7, 1, 3, 3, 2, 2));
  }

  @Test
  void badArgumentsAreRejectedClearly() {
    var pad = assertThrows(JKerasException.class,
        () -> PoolOps.maxPool2d(Tensor.ones(1, 4, 4, 1), 2, 2, "full"));
    assertEquals("maxPool2d: padding must be 'valid' or 'same', got 'full'.", pad.getMessage());
    var rank = assertThrows(JKerasException.class,
        () -> PoolOps.averagePool2d(Tensor.ones(4, 4), 2, 2, "valid"));
    assertEquals("averagePool2d: the inputs need rank 4 (batch, 2 spatial axes, channels), got"
        + " shape (4, 4).", rank.getMessage());
    var big = assertThrows(JKerasException.class,
        () -> PoolOps.maxPool(Tensor.ones(1, 2, 4, 1), new int[] {3}));
    assertEquals("maxPool2d: the window (size 3, dilation 1) is larger than the input"
        + " (1, 2, 4, 1) on spatial axis 0 with padding 'valid'; use padding 'same' or a smaller"
        + " window.", big.getMessage());
  }
}
