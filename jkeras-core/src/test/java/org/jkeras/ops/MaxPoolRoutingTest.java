package org.jkeras.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Max pooling's gradient over many channels (whole vectors plus a tail), with ties in every
 * window: each window's gradient goes to its first maximum, exactly as a plain per-channel loop
 * routes it. Windows that overlap add into shared positions; windows that do not are written
 * whole, and positions no window reads (the last row and column of an odd size, the gaps of a
 * stride longer than the pool) get zero.
 */
class MaxPoolRoutingTest {
  @Test
  void overlappingWindows() {
    check(5, 6, 2, 1);
  }

  @Test
  void disjointWindowsLeavingTheLastRowAndColumnOut() {
    check(7, 5, 2, 2);
  }

  @Test
  void stridesLongerThanThePool() {
    check(8, 9, 2, 3);
  }

  private static void check(int h, int w, int pool, int stride) {
    int c = 37;
    SplittableRandom r = new SplittableRandom(11);
    float[] x = new float[2 * h * w * c];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextInt(3); // values 0, 1, 2: ties everywhere
    }
    Tensor input = Tensor.wrap(x, Shape.of(2, h, w, c));
    int oh = (h - pool) / stride + 1;
    int ow = (w - pool) / stride + 1;
    float[] gy = new float[2 * oh * ow * c];
    for (int i = 0; i < gy.length; i++) {
      gy[i] = 1 + r.nextInt(5);
    }
    Tensor g;
    try (GradientTape tape = new GradientTape()) {
      tape.watch(input);
      Tensor y = PoolOps.maxPool2d(input, pool, stride, "valid");
      g = tape.gradient(y, List.of(input), Tensor.wrap(gy, y.shape())).get(0);
    }
    assertArrayEquals(reference(x, gy, h, w, c, pool, stride), g.toFloatArray());
  }

  /** Taps in row-major order, the first equal to the maximum wins. */
  private static float[] reference(float[] x, float[] gy, int h, int w, int c, int pool,
      int stride) {
    float[] gx = new float[x.length];
    int oh = (h - pool) / stride + 1;
    int ow = (w - pool) / stride + 1;
    for (int n = 0; n < 2; n++) {
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          for (int ch = 0; ch < c; ch++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int di = 0; di < pool; di++) {
              for (int dj = 0; dj < pool; dj++) {
                max = Math.max(max,
                    x[((n * h + i * stride + di) * w + j * stride + dj) * c + ch]);
              }
            }
            boolean done = false;
            for (int di = 0; di < pool && !done; di++) {
              for (int dj = 0; dj < pool && !done; dj++) {
                int at = ((n * h + i * stride + di) * w + j * stride + dj) * c + ch;
                if (x[at] == max) {
                  gx[at] += gy[((n * oh + i) * ow + j) * c + ch];
                  done = true;
                }
              }
            }
          }
        }
      }
    }
    return gx;
  }
}
