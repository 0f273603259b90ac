package org.jkeras.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.jkeras.backend.FusedActivation;

/**
 * A convolution computed directly, for when each output sums few products (at most {@link
 * #MAX_PRODUCTS} taps times input channels): a first layer over one to three channels. There
 * im2col + GEMM is mostly overhead (a 3x3 window over one channel makes GEMM rows of 9), and the
 * direct form reads each input value where it lies and broadcasts it against a vector of output
 * channels, four neighbouring outputs at a time where their windows lie inside the input.
 * Measured on the cnn benchmark's first layer (64 images of 28x28x1, 32 filters, relu): 0.70 to
 * 0.89 ms against 1.18 to 1.43 ms for im2col + GEMM; the whole cnn predicted 15,827 to 18,406
 * samples/s against 11,280 to 13,974 (3 alternating runs each).
 *
 * <p>Products are summed in im2col's column order (tap depth, height, width, channel); taps on
 * padding multiply zeros. Each line of outputs gets its bias and activation while in cache.
 */
final class DirectConv {
  /** The most products per output (taps times input channels) computed directly. */
  static final int MAX_PRODUCTS = 32;

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private DirectConv() {}

  static boolean applies(Window3 w, int ci) {
    return w.taps * ci <= MAX_PRODUCTS;
  }

  /**
   * {@code out (n * outVol, co) = act(conv(x, kernel) + bias)}, {@code x} channels_last with
   * {@code ci} channels, {@code kernel} flattened to {@code (taps * ci, co)}; a null bias adds
   * nothing.
   */
  static void forward(float[] x, int ci, Window3 w, int n, float[] kernel, int co, float[] bias,
      FusedActivation activation, float[] out) {
    int k = w.taps * ci;
    boolean plain = bias == null && activation == FusedActivation.LINEAR;
    // Bias and relu are applied in registers before the store; other activations follow as a
    // pass over each line of outputs, still in cache.
    boolean inRegisters = activation == FusedActivation.LINEAR
        || activation == FusedActivation.RELU;
    float[] b = inRegisters ? bias : null;
    boolean relu = activation == FusedActivation.RELU;
    int[] rel = relativeOffsets(w, ci);
    int lines = n * w.od * w.oh;
    CpuThreads.parallelFor(lines, (long) w.ow * k * co, (lo, hi) -> {
      int[] at = new int[k];
      Line l = new Line(w);
      for (int line = lo; line < hi; line++) {
        l.at(line);
        int outRow = line * w.ow;
        int ox = 0;
        while (ox < w.ow) {
          if (l.rowsInside && ox >= l.firstInside && ox + 4 <= l.endInside) {
            four(x, l.inputAt(ox, ci), w.sw * ci, rel, k, kernel, co, b, relu, out,
                (outRow + ox) * co);
            ox += 4;
          } else if (l.rowsInside && ox >= l.firstInside && ox < l.endInside
              && l.endInside - l.firstInside >= 4) {
            // The last inside outputs, fewer than four: the four ending there, recomputing a
            // few (same values) rather than listing each window's taps one output at a time.
            int start = l.endInside - 4;
            four(x, l.inputAt(start, ci), w.sw * ci, rel, k, kernel, co, b, relu, out,
                (outRow + start) * co);
            ox = l.endInside;
          } else {
            l.offsets(ox, ci, at);
            one(x, at, k, kernel, co, b, relu, out, (outRow + ox) * co);
            ox++;
          }
        }
        if (!plain && !inRegisters) {
          BiasActivation.forwardRows(activation, bias, out, 0, outRow, outRow + w.ow, co);
        }
      }
    });
  }

  /**
   * {@code dk (taps * ci, co) = im2col(x)^T gy}, the kernel gradient, directly: each output
   * position's gradient row is added into every product's row of {@code dk}, scaled by the input
   * value that product reads (zero on padding, as in im2col). Threads split the lines of outputs,
   * each summing into its own partial {@code dk} (a few KiB, in L1), added in line order.
   * Measured on the cnn benchmark's first layer (64 images, 28x28x1 -> 32 filters): 0.24 ms
   * against 0.88 ms for im2col + GEMM, whose GEMM of 9 rows by 32 columns is mostly packing.
   */
  static void kernelGradient(float[] x, int ci, Window3 w, int n, float[] gy, int co,
      float[] dk) {
    int k = w.taps * ci;
    int[] rel = relativeOffsets(w, ci);
    SummedProduct.inPartials(n * w.od * w.oh, (long) w.ow * k * co, k, co, 0f, dk, 0, co,
        (lo, hi, partial) -> {
          int[] at = new int[k];
          Line l = new Line(w);
          for (int line = lo; line < hi; line++) {
            l.at(line);
            // Outputs [ia, ib) have their whole window inside the input; the rest touch padding.
            int ia = l.rowsInside ? l.firstInside : w.ow;
            int ib = l.rowsInside ? l.endInside : w.ow;
            if (ia < ib) {
              inside(x, l.inputAt(ia, ci), w.sw * ci, rel, k, gy, (line * w.ow + ia) * co, co,
                  ib - ia, partial);
            }
            for (int ox = 0; ox < ia; ox++) {
              nearBorder(x, l, line, ox, ci, k, gy, co, at, partial);
            }
            for (int ox = ib; ox < w.ow; ox++) {
              nearBorder(x, l, line, ox, ci, k, gy, co, at, partial);
            }
          }
        });
  }

  /**
   * Adds one output's products to {@code dk}, one product at a time, reading zero where its
   * window falls on padding (as im2col does).
   */
  private static void nearBorder(float[] x, Line l, int line, int ox, int ci, int k, float[] gy,
      int co, int[] at, float[] dk) {
    int g = (line * l.w.ow + ox) * co;
    l.offsets(ox, ci, at);
    for (int p = 0; p < k; p++) {
      RowMath.addScaled(dk, p * co, gy, g, at[p] >= 0 ? x[at[p]] : 0f, co);
    }
  }

  /**
   * Adds the products of {@code count} neighbouring outputs, all inside the input ({@code step}
   * floats apart), to {@code dk}: four products by two vectors of channels at a time, summed in
   * registers over the outputs and added to {@code dk} once. Channels past the last whole pair of
   * vectors go one at a time: masked loads here took C2's slow per-lane path.
   */
  private static void inside(float[] x, int base, int step, int[] rel, int k, float[] gy, int g,
      int co, int count, float[] dk) {
    int whole = co - co % (2 * L);
    for (int p0 = 0; p0 < k; p0 += 4) {
      int pn = Math.min(4, k - p0);
      // Missing products of the last group reread the first; their sums are not stored.
      int r0 = rel[p0];
      int r1 = rel[p0 + Math.min(1, pn - 1)];
      int r2 = rel[p0 + Math.min(2, pn - 1)];
      int r3 = rel[p0 + Math.min(3, pn - 1)];
      for (int j = 0; j < whole; j += 2 * L) {
        FloatVector a00 = FloatVector.zero(S);
        FloatVector a01 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        for (int o = 0; o < count; o++) {
          int xo = base + o * step;
          int go = g + o * co + j;
          FloatVector g0 = FloatVector.fromArray(S, gy, go);
          FloatVector g1 = FloatVector.fromArray(S, gy, go + L);
          FloatVector x0 = FloatVector.broadcast(S, x[xo + r0]);
          FloatVector x1 = FloatVector.broadcast(S, x[xo + r1]);
          FloatVector x2 = FloatVector.broadcast(S, x[xo + r2]);
          FloatVector x3 = FloatVector.broadcast(S, x[xo + r3]);
          a00 = x0.fma(g0, a00);
          a01 = x0.fma(g1, a01);
          a10 = x1.fma(g0, a10);
          a11 = x1.fma(g1, a11);
          a20 = x2.fma(g0, a20);
          a21 = x2.fma(g1, a21);
          a30 = x3.fma(g0, a30);
          a31 = x3.fma(g1, a31);
        }
        // Written out rather than through a helper taking vectors, which C2 may box.
        int d = p0 * co + j;
        FloatVector.fromArray(S, dk, d).add(a00).intoArray(dk, d);
        FloatVector.fromArray(S, dk, d + L).add(a01).intoArray(dk, d + L);
        if (pn > 1) {
          d += co;
          FloatVector.fromArray(S, dk, d).add(a10).intoArray(dk, d);
          FloatVector.fromArray(S, dk, d + L).add(a11).intoArray(dk, d + L);
        }
        if (pn > 2) {
          d += co;
          FloatVector.fromArray(S, dk, d).add(a20).intoArray(dk, d);
          FloatVector.fromArray(S, dk, d + L).add(a21).intoArray(dk, d + L);
        }
        if (pn > 3) {
          d += co;
          FloatVector.fromArray(S, dk, d).add(a30).intoArray(dk, d);
          FloatVector.fromArray(S, dk, d + L).add(a31).intoArray(dk, d + L);
        }
      }
    }
    for (int p = 0; p < k && whole < co; p++) {
      for (int o = 0; o < count; o++) {
        float v = x[base + o * step + rel[p]];
        int go = g + o * co;
        for (int ch = whole; ch < co; ch++) {
          dk[p * co + ch] += v * gy[go + ch];
        }
      }
    }
  }

  /**
   * Where one line of outputs (an image, an output depth and height) reads the input: its
   * windows' first input depth and height, whether those rows lie inside the input, and the
   * input position of the line's row start. The outputs {@code [firstInside, endInside)} of a
   * line whose rows are inside have their whole window inside the input. Reused across lines by
   * one thread.
   */
  private static final class Line {
    private final Window3 w;
    final int firstInside;
    final int endInside;
    int image;
    int iz0;
    int iy0;
    boolean rowsInside;
    int base;

    Line(Window3 w) {
      this.w = w;
      firstInside = Math.min(w.ow, Math.ceilDiv(w.pw, w.sw));
      endInside = Math.max(firstInside, Math.min(w.ow,
          Math.floorDiv(w.iw - 1 - (w.kw - 1) * w.dw + w.pw, w.sw) + 1));
    }

    void at(int line) {
      int oy = line % w.oh;
      int oz = (line / w.oh) % w.od;
      image = line / (w.oh * w.od);
      iz0 = oz * w.sd - w.pd;
      iy0 = oy * w.sh - w.ph;
      rowsInside = iz0 >= 0 && iz0 + (w.kd - 1) * w.dd < w.id && iy0 >= 0
          && iy0 + (w.kh - 1) * w.dh < w.ih;
      base = ((image * w.id + iz0) * w.ih + iy0) * w.iw;
    }

    /** Where output {@code ox}'s window corner lies in the input array, for an inside window. */
    int inputAt(int ox, int ci) {
      return (base + ox * w.sw - w.pw) * ci;
    }

    /** Where output {@code ox}'s products read the input, in im2col's order; -1 on padding. */
    void offsets(int ox, int ci, int[] at) {
      int ix0 = ox * w.sw - w.pw;
      int p = 0;
      for (int a = 0; a < w.kd; a++) {
        int iz = iz0 + a * w.dd;
        for (int b = 0; b < w.kh; b++) {
          int iy = iy0 + b * w.dh;
          for (int c = 0; c < w.kw; c++) {
            int ix = ix0 + c * w.dw;
            boolean inside =
                iz >= 0 && iz < w.id && iy >= 0 && iy < w.ih && ix >= 0 && ix < w.iw;
            int corner = inside ? (((image * w.id + iz) * w.ih + iy) * w.iw + ix) * ci : -1;
            for (int ch = 0; ch < ci; ch++) {
              at[p++] = inside ? corner + ch : -1;
            }
          }
        }
      }
    }
  }

  /** Input offsets of a window's products relative to its corner, in im2col's order. */
  private static int[] relativeOffsets(Window3 w, int ci) {
    int[] rel = new int[w.taps * ci];
    int p = 0;
    for (int a = 0; a < w.kd; a++) {
      for (int b = 0; b < w.kh; b++) {
        for (int c = 0; c < w.kw; c++) {
          for (int ch = 0; ch < ci; ch++) {
            rel[p++] = ((a * w.dd * w.ih + b * w.dh) * w.iw + c * w.dw) * ci + ch;
          }
        }
      }
    }
    return rel;
  }

  /**
   * Four adjacent outputs whose windows lie inside the input, {@code step} floats apart, plus
   * {@code bias} (when not null) and relu (when asked). Whole vectors of channels are unmasked
   * (masked ones took C2's slow per-lane path); the channels past them go one at a time.
   */
  private static void four(float[] x, int base, int step, int[] rel, int k, float[] kernel,
      int co, float[] bias, boolean relu, float[] out, int off) {
    int whole = co - co % L;
    for (int j = 0; j < whole; j += L) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      for (int p = 0; p < k; p++) {
        FloatVector kv = FloatVector.fromArray(S, kernel, p * co + j);
        int xo = base + rel[p];
        a0 = FloatVector.broadcast(S, x[xo]).fma(kv, a0);
        a1 = FloatVector.broadcast(S, x[xo + step]).fma(kv, a1);
        a2 = FloatVector.broadcast(S, x[xo + 2 * step]).fma(kv, a2);
        a3 = FloatVector.broadcast(S, x[xo + 3 * step]).fma(kv, a3);
      }
      if (bias != null) {
        FloatVector bv = FloatVector.fromArray(S, bias, j);
        a0 = a0.add(bv);
        a1 = a1.add(bv);
        a2 = a2.add(bv);
        a3 = a3.add(bv);
      }
      if (relu) {
        a0 = a0.max(0f);
        a1 = a1.max(0f);
        a2 = a2.max(0f);
        a3 = a3.max(0f);
      }
      a0.intoArray(out, off + j);
      a1.intoArray(out, off + co + j);
      a2.intoArray(out, off + 2 * co + j);
      a3.intoArray(out, off + 3 * co + j);
    }
    for (int q = 0; q < 4 && whole < co; q++) {
      for (int ch = whole; ch < co; ch++) {
        float sum = 0f;
        for (int p = 0; p < k; p++) {
          sum = Math.fma(x[base + q * step + rel[p]], kernel[p * co + ch], sum);
        }
        out[off + q * co + ch] = finish(sum, bias, ch, relu);
      }
    }
  }

  /** One output channel's bias and relu, as the vector paths apply them. */
  private static float finish(float sum, float[] bias, int ch, boolean relu) {
    float v = bias != null ? sum + bias[ch] : sum;
    return relu ? Math.max(v, 0f) : v;
  }

  /**
   * One output near the border: each vector of output channels over its products, where a tap
   * on padding multiplies a zero, as im2col's zero columns do (so a non-finite weight gives NaN
   * there on both paths, and in Keras); then {@code bias} and relu as in {@link #four}.
   */
  private static void one(float[] x, int[] at, int k, float[] kernel, int co, float[] bias,
      boolean relu, float[] out, int off) {
    int whole = co - co % L;
    for (int j = 0; j < whole; j += L) {
      FloatVector acc = FloatVector.zero(S);
      for (int p = 0; p < k; p++) {
        float v = at[p] >= 0 ? x[at[p]] : 0f;
        acc = FloatVector.broadcast(S, v).fma(FloatVector.fromArray(S, kernel, p * co + j), acc);
      }
      if (bias != null) {
        acc = acc.add(FloatVector.fromArray(S, bias, j));
      }
      if (relu) {
        acc = acc.max(0f);
      }
      acc.intoArray(out, off + j);
    }
    for (int ch = whole; ch < co; ch++) {
      float sum = 0f;
      for (int p = 0; p < k; p++) {
        sum = Math.fma(at[p] >= 0 ? x[at[p]] : 0f, kernel[p * co + ch], sum);
      }
      out[off + ch] = finish(sum, bias, ch, relu);
    }
  }
}
