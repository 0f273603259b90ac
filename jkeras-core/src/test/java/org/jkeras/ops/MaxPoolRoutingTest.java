package org.jkeras.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Max pooling's gradient over many channels (whole vectors plus a tail), with ties in every
 * window and overlapping windows: each window's gradient goes to its first maximum, exactly as a
 * plain per-channel loop routes it.
 */
class MaxPoolRoutingTest {
  @Test
  void gradientGoesToEachWindowsFirstMaximumInEveryChannel() {
    int h = 5;
    int w = 6;
    int c = 37;
    SplittableRandom r = new SplittableRandom(11);
    float[] x = new float[2 * h * w * c];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextInt(3); // values 0, 1, 2: ties everywhere
    }
    Tensor input = Tensor.wrap(x, Shape.of(2, h, w, c));
    float[] gy = new float[2 * (h - 1) * (w - 1) * c];
    for (int i = 0; i < gy.length; i++) {
      gy[i] = 1 + r.nextInt(5);
    }
    Tensor g;
    try (GradientTape tape = new GradientTape()) {
      tape.watch(input);
      Tensor y = PoolOps.maxPool2d(input, 2, 1, "valid");
      g = tape.gradient(y, List.of(input), Tensor.wrap(gy, y.shape())).get(0);
    }
    assertArrayEquals(reference(x, gy, h, w, c), g.toFloatArray());
  }

  /** Windows 2x2, stride 1: taps in row-major order, the first equal to the maximum wins. */
  private static float[] reference(float[] x, float[] gy, int h, int w, int c) {
    float[] gx = new float[x.length];
    int oh = h - 1;
    int ow = w - 1;
    for (int n = 0; n < 2; n++) {
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          for (int ch = 0; ch < c; ch++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int di = 0; di < 2; di++) {
              for (int dj = 0; dj < 2; dj++) {
                max = Math.max(max, x[((n * h + i + di) * w + j + dj) * c + ch]);
              }
            }
            boolean done = false;
            for (int di = 0; di < 2 && !done; di++) {
              for (int dj = 0; dj < 2 && !done; dj++) {
                int at = ((n * h + i + di) * w + j + dj) * c + ch;
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
