package org.jkeras.ops;

import org.jkeras.backend.Tensor;

/**
 * Straightforward float64 loops for convolution, written from the definitions (TensorFlow's
 * padding rule derived here again, not taken from the code under test).
 */
final class ConvReference {
  private ConvReference() {}

  /** Output size and padding before, {@code {out, padBefore}}, by TensorFlow's rule. */
  static int[] window(int in, int k, int stride, int dilation, String padding) {
    int eff = (k - 1) * dilation + 1;
    if (padding.equals("valid")) {
      return new int[] {(in - eff) / stride + 1, 0};
    }
    int out = (in + stride - 1) / stride;
    int total = Math.max((out - 1) * stride + eff - in, 0);
    return new int[] {out, total / 2};
  }

  /** A 2-D convolution, x (N, H, W, C), k (KH, KW, C, O); returns the flat (N, OH, OW, O). */
  static double[] conv2d(Tensor x, Tensor k, int[] s, int[] d, String padding) {
    int n = x.shape().dim(0);
    int h = x.shape().dim(1);
    int w = x.shape().dim(2);
    int c = x.shape().dim(3);
    int kh = k.shape().dim(0);
    int kw = k.shape().dim(1);
    int o = k.shape().dim(3);
    int[] wy = window(h, kh, s[0], d[0], padding);
    int[] wx = window(w, kw, s[1], d[1], padding);
    double[] y = new double[n * wy[0] * wx[0] * o];
    int idx = 0;
    for (int b = 0; b < n; b++) {
      for (int oy = 0; oy < wy[0]; oy++) {
        for (int ox = 0; ox < wx[0]; ox++) {
          for (int f = 0; f < o; f++) {
            double sum = 0;
            for (int i = 0; i < kh; i++) {
              for (int j = 0; j < kw; j++) {
                int iy = oy * s[0] - wy[1] + i * d[0];
                int ix = ox * s[1] - wx[1] + j * d[1];
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                  continue;
                }
                for (int ch = 0; ch < c; ch++) {
                  sum += (double) x.getFloat(b, iy, ix, ch) * k.getFloat(i, j, ch, f);
                }
              }
            }
            y[idx++] = sum;
          }
        }
      }
    }
    return y;
  }

  /**
   * The gradients of {@code sum(g * conv2d(x, k))} with respect to x and k, {@code {dx, dk}},
   * by the chain rule on the loops above.
   */
  static double[][] conv2dGradients(
      Tensor x, Tensor k, Tensor g, int[] s, int[] d, String padding) {
    int n = x.shape().dim(0);
    int h = x.shape().dim(1);
    int w = x.shape().dim(2);
    int c = x.shape().dim(3);
    int kh = k.shape().dim(0);
    int kw = k.shape().dim(1);
    int o = k.shape().dim(3);
    int[] wy = window(h, kh, s[0], d[0], padding);
    int[] wx = window(w, kw, s[1], d[1], padding);
    double[] dx = new double[x.size()];
    double[] dk = new double[k.size()];
    for (int b = 0; b < n; b++) {
      for (int oy = 0; oy < wy[0]; oy++) {
        for (int ox = 0; ox < wx[0]; ox++) {
          for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
              int iy = oy * s[0] - wy[1] + i * d[0];
              int ix = ox * s[1] - wx[1] + j * d[1];
              if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                continue;
              }
              for (int ch = 0; ch < c; ch++) {
                int xi = ((b * h + iy) * w + ix) * c + ch;
                for (int f = 0; f < o; f++) {
                  double gv = g.getFloat(b, oy, ox, f);
                  int ki = ((i * kw + j) * c + ch) * o + f;
                  dx[xi] += gv * k.getFlat(ki);
                  dk[ki] += gv * x.getFlat(xi);
                }
              }
            }
          }
        }
      }
    }
    return new double[][] {dx, dk};
  }

  /**
   * A 2-D transposed convolution by scattering, TensorFlow's definition (the input gradient of
   * a convolution whose input has size {@code out}): x (N, H, W, C), k (KH, KW, O, C).
   */
  static double[] conv2dTranspose(Tensor x, Tensor k, int[] s, int[] d, String padding,
      int outH, int outW) {
    int n = x.shape().dim(0);
    int h = x.shape().dim(1);
    int w = x.shape().dim(2);
    int c = x.shape().dim(3);
    int kh = k.shape().dim(0);
    int kw = k.shape().dim(1);
    int o = k.shape().dim(2);
    int padY = window(outH, kh, s[0], d[0], padding)[1];
    int padX = window(outW, kw, s[1], d[1], padding)[1];
    double[] y = new double[n * outH * outW * o];
    for (int b = 0; b < n; b++) {
      for (int iy = 0; iy < h; iy++) {
        for (int ix = 0; ix < w; ix++) {
          for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
              int oy = iy * s[0] - padY + i * d[0];
              int ox = ix * s[1] - padX + j * d[1];
              if (oy < 0 || oy >= outH || ox < 0 || ox >= outW) {
                continue;
              }
              for (int f = 0; f < o; f++) {
                double sum = 0;
                for (int ch = 0; ch < c; ch++) {
                  sum += (double) x.getFloat(b, iy, ix, ch) * k.getFloat(i, j, f, ch);
                }
                y[((b * outH + oy) * outW + ox) * o + f] += sum;
              }
            }
          }
        }
      }
    }
    return y;
  }

  /**
   * Keras's JAX-backend padding for a transposed convolution along one axis, {@code {left,
   * right}}: the padding of the stride-dilated input before a correlation with the flipped kernel.
   */
  static int[] jaxTransposePads(int k, int s, int d, String padding, Integer outputPadding) {
    int eff = (k - 1) * d + 1;
    if (padding.equals("valid")) {
      int op = outputPadding == null ? Math.max(eff, s) - eff : outputPadding;
      return new int[] {eff - 1, eff - 1 + op};
    }
    int padLen = outputPadding == null ? s + eff - 2 : eff + eff % 2 - 2 + outputPadding;
    int left = Math.min(padLen / 2 + padLen % 2, eff - 1);
    return new int[] {left, padLen - left};
  }

  /**
   * A 2-D transposed convolution the way the JAX backend computes it: dilate the input by the
   * stride, pad it, correlate with the spatially flipped kernel. x (N, H, W, C), k (KH, KW, O,
   * C); returns the flat output and its height and width in {@code outHw}.
   */
  static double[] conv2dTransposeJax(Tensor x, Tensor k, int[] s, int[] d, String padding,
      Integer outputPadding, int[] outHw) {
    int n = x.shape().dim(0);
    int h = x.shape().dim(1);
    int w = x.shape().dim(2);
    int c = x.shape().dim(3);
    int kh = k.shape().dim(0);
    int kw = k.shape().dim(1);
    int o = k.shape().dim(2);
    int[] py = jaxTransposePads(kh, s[0], d[0], padding, outputPadding);
    int[] px = jaxTransposePads(kw, s[1], d[1], padding, outputPadding);
    int outH = (h - 1) * s[0] + 1 + py[0] + py[1] - ((kh - 1) * d[0] + 1) + 1;
    int outW = (w - 1) * s[1] + 1 + px[0] + px[1] - ((kw - 1) * d[1] + 1) + 1;
    outHw[0] = outH;
    outHw[1] = outW;
    double[] y = new double[n * outH * outW * o];
    for (int b = 0; b < n; b++) {
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          for (int f = 0; f < o; f++) {
            double sum = 0;
            for (int i = 0; i < kh; i++) {
              for (int j = 0; j < kw; j++) {
                // Position in the padded, dilated input, then back to a real input index.
                int ry = oy + i * d[0] - py[0];
                int rx = ox + j * d[1] - px[0];
                if (ry < 0 || rx < 0 || ry % s[0] != 0 || rx % s[1] != 0) {
                  continue;
                }
                int iy = ry / s[0];
                int ix = rx / s[1];
                if (iy >= h || ix >= w) {
                  continue;
                }
                for (int ch = 0; ch < c; ch++) {
                  sum += (double) x.getFloat(b, iy, ix, ch)
                      * k.getFloat(kh - 1 - i, kw - 1 - j, f, ch);
                }
              }
            }
            y[((b * outH + oy) * outW + ox) * o + f] = sum;
          }
        }
      }
    }
    return y;
  }
}
