package org.jkeras.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.jkeras.backend.ConvGeometry;
import org.jkeras.backend.FusedActivation;
import org.junit.jupiter.api.Test;

/**
 * The direct convolution for few products per output, and its kernel gradient, equal plain
 * loops over the window, in 1, 2 and 3 spatial axes, with strides, dilation, padding on either
 * side (outputs near the border and the interior runs alike), output channels in whole and
 * partial vectors, and each bias and activation it is given.
 */
class DirectConvTest {
  @Test
  void matchesThePlainLoop() {
    // input size, window, strides, dilation, padding before, padding after, ci, co, bias, act
    check(new int[] {7, 9}, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1},
        new int[] {0, 0}, new int[] {0, 0}, 1, 5, true, FusedActivation.RELU);
    check(new int[] {8, 8}, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1},
        new int[] {1, 1}, new int[] {1, 1}, 3, 33, true, FusedActivation.SIGMOID);
    check(new int[] {10, 6}, new int[] {2, 3}, new int[] {1, 2}, new int[] {2, 1},
        new int[] {1, 0}, new int[] {0, 2}, 2, 16, false, FusedActivation.LINEAR);
    check(new int[] {13}, new int[] {5}, new int[] {1}, new int[] {1}, new int[] {2},
        new int[] {2}, 3, 8, true, FusedActivation.TANH);
    check(new int[] {4, 5, 6}, new int[] {2, 2, 2}, new int[] {1, 1, 1}, new int[] {1, 1, 1},
        new int[] {1, 0, 1}, new int[] {0, 1, 0}, 1, 17, false, FusedActivation.RELU);
    check(new int[] {28, 28}, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1},
        new int[] {0, 0}, new int[] {0, 0}, 1, 32, true, FusedActivation.RELU);
    check(new int[] {9, 11}, new int[] {3, 2}, new int[] {2, 3}, new int[] {1, 2},
        new int[] {1, 2}, new int[] {2, 1}, 2, 40, false, FusedActivation.LINEAR);
  }

  /** Enough lines that threads split them, each with its own partial sum. */
  @Test
  void kernelGradientSplitAcrossThreadsMatchesThePlainLoop() {
    int threads = CpuThreads.maxThreads();
    CpuThreads.setMaxThreads(2);
    try {
      Window3 w = new Window3(new ConvGeometry(new int[] {28, 28}, new int[] {3, 3},
          new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, new int[] {28, 28}));
      assertTrue(CpuThreads.chunkCount(32 * 28, 28L * 9 * 32) > 1 || CpuThreads.maxThreads() < 2,
          "the case must be large enough to split");
      checkKernelGradient(w, 32, 1, 32, "28x28 same, 32 images");
    } finally {
      CpuThreads.setMaxThreads(threads);
    }
  }

  /** Like im2col's zero columns: an infinite gradient at a border output gives NaN there. */
  @Test
  void kernelGradientMultipliesPaddingZeros() {
    Window3 w = sameThreeByThreeOverSixBySix();
    float[] x = ones(36);
    float[] gy = new float[36];
    gy[0] = Float.POSITIVE_INFINITY;
    float[] dk = new float[9];
    DirectConv.kernelGradient(x, 1, w, 1, gy, 1, dk);
    assertTrue(Float.isNaN(dk[0]), "the corner output's first tap lies on padding");
    assertEquals(Float.POSITIVE_INFINITY, dk[4], "its centre tap reads the input");
  }

  /** A tap on padding multiplies a zero, as im2col's zero columns do: 0 * inf is NaN there. */
  @Test
  void paddingMultipliesZerosSoNonFiniteWeightsGiveNaNAtTheBorder() {
    Window3 w = sameThreeByThreeOverSixBySix();
    float[] x = ones(36);
    float[] kernel = new float[9];
    kernel[0] = Float.POSITIVE_INFINITY;
    float[] out = new float[36];
    DirectConv.forward(x, 1, w, 1, kernel, 1, null, FusedActivation.LINEAR, out);
    assertTrue(Float.isNaN(out[0]), "corner: the infinite tap lies on padding");
    assertEquals(Float.POSITIVE_INFINITY, out[3 * 6 + 3], "interior");
  }

  @Test
  void onlyFewProductsPerOutputGoDirect() {
    assertTrue(DirectConv.applies(window(new int[] {28, 28}, new int[] {3, 3}), 3), "27");
    assertFalse(DirectConv.applies(window(new int[] {28, 28}, new int[] {3, 3}), 4), "36");
  }

  /**
   * The im2col matrix by plain loops: one row per output position, one column per product in
   * (tap depth, height, width, channel) order, zero where a tap lies on padding.
   */
  private static double[] windows(Window3 w, int n, int ci, float[] x) {
    int k = w.taps * ci;
    double[] m = new double[n * w.outVol * k];
    for (int img = 0; img < n; img++) {
      for (int oz = 0; oz < w.od; oz++) {
        for (int oy = 0; oy < w.oh; oy++) {
          for (int ox = 0; ox < w.ow; ox++) {
            int row = ((img * w.od + oz) * w.oh + oy) * w.ow + ox;
            int p = 0;
            for (int a = 0; a < w.kd; a++) {
              for (int b = 0; b < w.kh; b++) {
                for (int c = 0; c < w.kw; c++) {
                  int iz = oz * w.sd - w.pd + a * w.dd;
                  int iy = oy * w.sh - w.ph + b * w.dh;
                  int ix = ox * w.sw - w.pw + c * w.dw;
                  boolean inside =
                      iz >= 0 && iz < w.id && iy >= 0 && iy < w.ih && ix >= 0 && ix < w.iw;
                  for (int ch = 0; ch < ci; ch++, p++) {
                    m[row * k + p] = inside
                        ? x[(((img * w.id + iz) * w.ih + iy) * w.iw + ix) * ci + ch] : 0;
                  }
                }
              }
            }
          }
        }
      }
    }
    return m;
  }

  /** A 3x3 window over a 6x6 image with "same" padding: border outputs read padding. */
  private static Window3 sameThreeByThreeOverSixBySix() {
    return new Window3(new ConvGeometry(new int[] {6, 6}, new int[] {3, 3}, new int[] {1, 1},
        new int[] {1, 1}, new int[] {1, 1}, new int[] {6, 6}));
  }

  private static float[] ones(int n) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, 1f);
    return v;
  }

  private static Window3 window(int[] in, int[] k) {
    int r = in.length;
    int[] ones = new int[r];
    int[] zeros = new int[r];
    int[] out = new int[r];
    for (int i = 0; i < r; i++) {
      ones[i] = 1;
      out[i] = in[i] - k[i] + 1;
    }
    return new Window3(new ConvGeometry(in, k, ones, ones, zeros, out));
  }

  private static void check(int[] in, int[] k, int[] s, int[] d, int[] padBefore,
      int[] padAfter, int ci, int co, boolean withBias, FusedActivation act) {
    int r = in.length;
    int[] out = new int[r];
    for (int i = 0; i < r; i++) {
      out[i] = (in[i] + padBefore[i] + padAfter[i] - ((k[i] - 1) * d[i] + 1)) / s[i] + 1;
    }
    Window3 w = new Window3(new ConvGeometry(in, k, s, d, padBefore, out));
    int n = 2;
    SplittableRandom rnd = new SplittableRandom(co * 31L + ci);
    float[] x = random(rnd, n * w.inVol * ci);
    float[] kernel = random(rnd, w.taps * ci * co);
    float[] bias = withBias ? random(rnd, co) : null;
    float[] got = new float[n * w.outVol * co];
    DirectConv.forward(x, ci, w, n, kernel, co, bias, act, got);
    String where = java.util.Arrays.toString(in) + " window " + java.util.Arrays.toString(k)
        + " strides " + java.util.Arrays.toString(s) + " ci " + ci + " co " + co + " " + act;
    int products = w.taps * ci;
    double[] windows = windows(w, n, ci, x);
    for (int row = 0; row < n * w.outVol; row++) {
      for (int o = 0; o < co; o++) {
        double sum = withBias ? bias[o] : 0;
        for (int p = 0; p < products; p++) {
          sum += windows[row * products + p] * kernel[p * co + o];
        }
        double expected = switch (act) {
          case RELU -> Math.max(0, sum);
          case SIGMOID -> 1 / (1 + Math.exp(-sum));
          case TANH -> Math.tanh(sum);
          default -> sum;
        };
        assertEquals(expected, got[row * co + o], 1e-5 * (1 + Math.abs(expected)),
            where + ", output row " + row + ", channel " + o);
      }
    }
    checkKernelGradient(w, n, ci, co, where);
  }

  /** {@code DirectConv.kernelGradient} against a plain loop over every output and product. */
  private static void checkKernelGradient(Window3 w, int n, int ci, int co, String where) {
    SplittableRandom rnd = new SplittableRandom(7L * co + ci);
    float[] x = random(rnd, n * w.inVol * ci);
    float[] gy = random(rnd, n * w.outVol * co);
    int k = w.taps * ci;
    float[] got = new float[k * co];
    DirectConv.kernelGradient(x, ci, w, n, gy, co, got);
    double[] expected = new double[k * co];
    double[] windows = windows(w, n, ci, x);
    for (int row = 0; row < n * w.outVol; row++) {
      for (int p = 0; p < k; p++) {
        for (int o = 0; o < co; o++) {
          expected[p * co + o] += windows[row * k + p] * gy[row * co + o];
        }
      }
    }
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], got[i], 1e-4 * (1 + Math.abs(expected[i])),
          where + ", kernel gradient of product " + i / co + ", channel " + i % co);
    }
  }

  private static float[] random(SplittableRandom r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextDouble(-1, 1);
    }
    return v;
  }
}
