package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class DepthwiseConvTest {
  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  /** x (N, H, W, C), k (KH, KW, C, M): output channel c * M + m. */
  private static double[] reference(Tensor x, Tensor k, int[] s, int[] d, String padding) {
    int n = x.shape().dim(0);
    int h = x.shape().dim(1);
    int w = x.shape().dim(2);
    int c = x.shape().dim(3);
    int kh = k.shape().dim(0);
    int kw = k.shape().dim(1);
    int m = k.shape().dim(3);
    int[] wy = ConvReference.window(h, kh, s[0], d[0], padding);
    int[] wx = ConvReference.window(w, kw, s[1], d[1], padding);
    double[] y = new double[n * wy[0] * wx[0] * c * m];
    int idx = 0;
    for (int b = 0; b < n; b++) {
      for (int oy = 0; oy < wy[0]; oy++) {
        for (int ox = 0; ox < wx[0]; ox++) {
          for (int ch = 0; ch < c; ch++) {
            for (int q = 0; q < m; q++) {
              double sum = 0;
              for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                  int iy = oy * s[0] - wy[1] + i * d[0];
                  int ix = ox * s[1] - wx[1] + j * d[1];
                  if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                    sum += (double) x.getFloat(b, iy, ix, ch) * k.getFloat(i, j, ch, q);
                  }
                }
              }
              y[idx++] = sum;
            }
          }
        }
      }
    }
    return y;
  }

  @Test
  void depthwiseMatchesReference() {
    long seed = 1;
    for (int[] hw : new int[][] {{7, 7}, {6, 5}}) {
      for (int multiplier : new int[] {1, 2, 3}) {
        for (int stride : new int[] {1, 2}) {
          for (int dil : new int[] {1, 2}) {
            for (String padding : new String[] {"valid", "same"}) {
              // 19 channels: vector body and scalar tail.
              Tensor x = rand(seed++, 2, hw[0], hw[1], 19);
              Tensor k = rand(seed++, 3, 2, 19, multiplier);
              int[] s = {stride, stride};
              int[] d = {dil, dil};
              Tensor y = ConvOps.depthwiseConv(x, k, s, padding, d);
              int oh = ConvReference.window(hw[0], 3, stride, dil, padding)[0];
              int ow = ConvReference.window(hw[1], 2, stride, dil, padding)[0];
              assertClose(reference(x, k, s, d, padding), Shape.of(2, oh, ow, 19 * multiplier),
                  y, 1e-5);
            }
          }
        }
      }
    }
  }

  @Test
  void depthwiseWithOneChannelIsAnOrdinaryConv() {
    Tensor x = rand(1, 2, 6, 6, 1);
    Tensor k = rand(2, 3, 3, 1, 4);
    assertClose(ConvOps.conv2d(x, k, 2, "same").toFloatArray(),
        ConvOps.depthwiseConv2d(x, k, 2, "same"), 1e-6);
  }

  @Test
  void depthwiseGradients() {
    GradientCheck check = GradientCheck.standard();
    check.check(v -> ConvOps.depthwiseConv2d(v.get(0), v.get(1), 1, "valid"),
        rand(1, 2, 4, 4, 3), rand(2, 2, 3, 3, 1));
    check.check(v -> ConvOps.depthwiseConv2d(v.get(0), v.get(1), 2, "same"),
        rand(3, 2, 5, 4, 2), rand(4, 3, 3, 2, 2));
    check.check(v -> ConvOps.depthwiseConv(v.get(0), v.get(1), new int[] {1}, "same",
        new int[] {2}), rand(5, 1, 7, 3), rand(6, 3, 3, 3));
  }

  @Test
  void channelMismatchNamesBothShapes() {
    var e = assertThrows(IncompatibleShapesException.class,
        () -> ConvOps.depthwiseConv2d(Tensor.ones(1, 5, 5, 3), Tensor.ones(3, 3, 2, 1), 1,
            "same"));
    assertEquals("depthwiseConv2d: incompatible shapes (1, 5, 5, 3) and (3, 3, 2, 1): the inputs"
        + " have 3 channels but the kernel expects 2 (kernel.shape[-2]); kernels are laid out"
        + " (spatial..., in_channels, depth_multiplier).", e.getMessage());
  }
}
