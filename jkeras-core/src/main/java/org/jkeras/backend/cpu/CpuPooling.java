package org.jkeras.backend.cpu;

import static org.jkeras.backend.cpu.GateMath.L;
import static org.jkeras.backend.cpu.GateMath.S;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.jkeras.backend.ConvGeometry;
import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;

/**
 * Max and average pooling, channels_last: each window tap is a contiguous run of channels, so
 * the inner loops are Vector API max/add over channels, each vector of an output's channels kept
 * in a register across its window's taps; images split across threads when large.
 * Padded positions are skipped, never read: they cannot win a max, and an average divides by
 * the number of real positions in its window (TensorFlow's rule for "same" padding).
 */
final class CpuPooling {
  Tensor maxPool(Tensor input, ConvGeometry geometry) {
    return pool(input, geometry, true);
  }

  Tensor averagePool(Tensor input, ConvGeometry geometry) {
    return pool(input, geometry, false);
  }

  private static Tensor pool(Tensor input, ConvGeometry geometry, boolean max) {
    input.requireDType(DType.FLOAT32);
    Window3 w = new Window3(geometry);
    int n = input.shape().dim(0);
    int c = input.shape().dim(-1);
    Shape outShape = geometry.outputShape(n, c);
    // Every output position is written, an empty window too.
    float[] out = StepArena.floats(outShape.sizeAsInt());
    float[] x = input.floatData();
    boolean pairs = max && isPlainPairs(w);
    CpuThreads.parallelFor(n, (long) w.outVol * w.taps * c, (lo, hi) -> {
      int[] tap = new int[w.taps];
      int[] src = new int[w.taps];
      for (int img = lo; img < hi; img++) {
        if (pairs) {
          maxOfPairs(x, out, w, img, c);
          continue;
        }
        for (int pos = 0; pos < w.outVol; pos++) {
          int count = w.validTaps(pos, tap, src);
          startsInImage(src, count, img * w.inVol, c);
          int o = (img * w.outVol + pos) * c;
          if (max) {
            maxOfTaps(x, src, count, out, o, c);
          } else {
            meanOfTaps(x, src, count, out, o, c);
          }
        }
      }
    });
    return Tensor.wrap(out, outShape);
  }

  Tensor maxPoolBackward(Tensor input, Tensor output, Tensor gradOutput, ConvGeometry geometry) {
    input.requireDType(DType.FLOAT32);
    output.requireDType(DType.FLOAT32);
    gradOutput.requireDType(DType.FLOAT32);
    Window3 w = new Window3(geometry);
    int n = input.shape().dim(0);
    int c = input.shape().dim(-1);
    // Windows that never overlap (strides at least the pool size, the default) each write
    // their taps whole, and only the positions no window covers are zeroed: one pass over the
    // gradient instead of a zeroing pass and a read-modify-write one.
    boolean disjoint = w.sd >= w.kd && w.sh >= w.kh && w.sw >= w.kw
        && w.dd == 1 && w.dh == 1 && w.dw == 1;
    float[] gx = disjoint ? StepArena.floats(input.size()) : StepArena.zeroedFloats(input.size());
    float[] x = input.floatData();
    float[] y = output.floatData();
    float[] gy = gradOutput.floatData();
    Uncovered uncovered = disjoint ? new Uncovered(w) : null;
    CpuThreads.parallelFor(n, (long) w.outVol * w.taps * c, (lo, hi) -> {
      int[] tap = new int[w.taps];
      int[] src = new int[w.taps];
      for (int img = lo; img < hi; img++) {
        if (disjoint) {
          uncovered.zero(gx, img, c);
        }
        for (int pos = 0; pos < w.outVol; pos++) {
          int count = w.validTaps(pos, tap, src);
          startsInImage(src, count, img * w.inVol, c);
          routeToMaximum(x, src, count, y, gy, (img * w.outVol + pos) * c, gx, c, disjoint);
        }
      }
    });
    return Tensor.wrap(gx, input.shape());
  }

  /** Which input positions along each axis no pooling window reads. */
  private static final class Uncovered {
    private final Window3 w;
    private final boolean[] z;
    private final boolean[] y;
    private final boolean[] x;
    private final boolean none;

    Uncovered(Window3 w) {
      this.w = w;
      z = axis(w.id, w.od, w.kd, w.sd, w.pd);
      y = axis(w.ih, w.oh, w.kh, w.sh, w.ph);
      x = axis(w.iw, w.ow, w.kw, w.sw, w.pw);
      none = !any(z) && !any(y) && !any(x);
    }

    private static boolean any(boolean[] flags) {
      for (boolean f : flags) {
        if (f) {
          return true;
        }
      }
      return false;
    }

    private static boolean[] axis(int in, int out, int k, int stride, int pad) {
      boolean[] uncovered = new boolean[in];
      Arrays.fill(uncovered, true);
      for (int o = 0; o < out; o++) {
        for (int t = 0; t < k; t++) {
          int i = o * stride - pad + t;
          if (i >= 0 && i < in) {
            uncovered[i] = false;
          }
        }
      }
      return uncovered;
    }

    /** Zeroes image {@code img}'s uncovered positions in {@code gx}. */
    void zero(float[] gx, int img, int c) {
      if (none) {
        return;
      }
      for (int iz = 0; iz < w.id; iz++) {
        for (int iy = 0; iy < w.ih; iy++) {
          int row = ((img * w.id + iz) * w.ih + iy) * w.iw * c;
          if (z[iz] || y[iy]) {
            Arrays.fill(gx, row, row + w.iw * c, 0f);
            continue;
          }
          for (int ix = 0; ix < w.iw; ix++) {
            if (x[ix]) {
              Arrays.fill(gx, row + ix * c, row + (ix + 1) * c, 0f);
            }
          }
        }
      }
    }
  }

  /** Turns a window's input positions within image {@code base} into array offsets. */
  private static void startsInImage(int[] src, int count, int base, int c) {
    for (int j = 0; j < count; j++) {
      src[j] = (base + src[j]) * c;
    }
  }

  /**
   * {@code out[o..o + c) = max over taps of x[start..]}, each vector of channels kept in a
   * register across the taps and stored once; an empty window gives -inf.
   */
  private static void maxOfTaps(float[] x, int[] start, int count, float[] out, int o, int c) {
    if (count == 0) {
      Arrays.fill(out, o, o + c, Float.NEGATIVE_INFINITY);
      return;
    }
    int ch = 0;
    for (int end = S.loopBound(c); ch < end; ch += L) {
      FloatVector m = FloatVector.fromArray(S, x, start[0] + ch);
      for (int j = 1; j < count; j++) {
        m = m.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, x, start[j] + ch));
      }
      m.intoArray(out, o + ch);
    }
    for (; ch < c; ch++) {
      float m = x[start[0] + ch];
      for (int j = 1; j < count; j++) {
        m = Math.max(m, x[start[j] + ch]);
      }
      out[o + ch] = m;
    }
  }

  /**
   * Whether every window is 2x2 at stride 2 and lies wholly inside a plane (Keras's default
   * MaxPooling2D on any size): then each window's four taps sit at fixed offsets from its
   * corner, and {@link #maxOfPairs} needs no list of taps per position.
   */
  private static boolean isPlainPairs(Window3 w) {
    return w.id == 1 && w.kd == 1 && w.kh == 2 && w.kw == 2 && w.sh == 2 && w.sw == 2
        && w.dh == 1 && w.dw == 1 && w.ph == 0 && w.pw == 0 && 2 * w.oh <= w.ih
        && 2 * w.ow <= w.iw;
  }

  /**
   * Image {@code img}'s max over 2x2 windows at stride 2 ({@link #isPlainPairs}): the taps in
   * the order {@link #maxOfTaps} takes them, so both give the same numbers. Pooling took 17% of
   * the cnn benchmark's inference through the general loop.
   */
  private static void maxOfPairs(float[] x, float[] out, Window3 w, int img, int c) {
    int row = w.iw * c;
    for (int oy = 0; oy < w.oh; oy++) {
      int in = (img * w.inVol + 2 * oy * w.iw) * c;
      int o = (img * w.outVol + oy * w.ow) * c;
      for (int ox = 0; ox < w.ow; ox++, in += 2 * c, o += c) {
        int ch = 0;
        for (int end = S.loopBound(c); ch < end; ch += L) {
          FloatVector.fromArray(S, x, in + ch)
              .lanewise(VectorOperators.MAX, FloatVector.fromArray(S, x, in + c + ch))
              .lanewise(VectorOperators.MAX, FloatVector.fromArray(S, x, in + row + ch))
              .lanewise(VectorOperators.MAX, FloatVector.fromArray(S, x, in + row + c + ch))
              .intoArray(out, o + ch);
        }
        for (; ch < c; ch++) {
          float m = Math.max(x[in + ch], x[in + c + ch]);
          m = Math.max(m, x[in + row + ch]);
          out[o + ch] = Math.max(m, x[in + row + c + ch]);
        }
      }
    }
  }

  /** {@code out[o..o + c) = mean over taps of x[start..]} (summed in tap order, then scaled). */
  private static void meanOfTaps(float[] x, int[] start, int count, float[] out, int o, int c) {
    float scale = count > 0 ? 1f / count : 1f;
    int ch = 0;
    for (int end = S.loopBound(c); ch < end; ch += L) {
      FloatVector sum = FloatVector.zero(S);
      for (int j = 0; j < count; j++) {
        sum = sum.add(FloatVector.fromArray(S, x, start[j] + ch));
      }
      sum.mul(scale).intoArray(out, o + ch);
    }
    for (; ch < c; ch++) {
      float sum = 0f;
      for (int j = 0; j < count; j++) {
        sum += x[start[j] + ch];
      }
      out[o + ch] = sum * scale;
    }
  }

  /**
   * Adds {@code gy[o..]} to {@code gx} at the first tap holding the window's maximum {@code
   * y[o..]}, per channel; which channels are already routed stays in a register mask. When
   * windows are {@code disjoint}, each tap is written (the gradient or zero) instead of added to.
   */
  private static void routeToMaximum(float[] x, int[] start, int count, float[] y, float[] gy,
      int o, float[] gx, int c, boolean disjoint) {
    int ch = 0;
    for (int end = S.loopBound(c); ch < end; ch += L) {
      FloatVector yv = FloatVector.fromArray(S, y, o + ch);
      FloatVector g = FloatVector.fromArray(S, gy, o + ch);
      VectorMask<Float> routed = S.maskAll(false);
      for (int j = 0; j < count; j++) {
        int s = start[j] + ch;
        VectorMask<Float> first = FloatVector.fromArray(S, x, s)
            .compare(VectorOperators.EQ, yv).andNot(routed);
        if (disjoint) {
          FloatVector.zero(S).blend(g, first).intoArray(gx, s);
        } else {
          FloatVector.fromArray(S, gx, s).add(g, first).intoArray(gx, s);
        }
        routed = routed.or(first);
      }
    }
    for (; ch < c; ch++) {
      boolean routedHere = false;
      for (int j = 0; j < count; j++) {
        int s = start[j] + ch;
        boolean first = !routedHere && x[s] == y[o + ch];
        if (disjoint) {
          gx[s] = first ? gy[o + ch] : 0f;
        } else if (first) {
          gx[s] += gy[o + ch];
        }
        routedHere |= first;
      }
    }
  }

  Tensor averagePoolBackward(Tensor gradOutput, ConvGeometry geometry) {
    gradOutput.requireDType(DType.FLOAT32);
    Window3 w = new Window3(geometry);
    int n = gradOutput.shape().dim(0);
    int c = gradOutput.shape().dim(-1);
    Shape inShape = geometry.inputShape(n, c);
    float[] gx = StepArena.zeroedFloats(inShape.sizeAsInt());
    float[] gy = gradOutput.floatData();
    CpuThreads.parallelFor(n, (long) w.outVol * w.taps * c, (lo, hi) -> {
      int[] tap = new int[w.taps];
      int[] src = new int[w.taps];
      for (int img = lo; img < hi; img++) {
        for (int pos = 0; pos < w.outVol; pos++) {
          int count = w.validTaps(pos, tap, src);
          int o = (img * w.outVol + pos) * c;
          for (int j = 0; j < count; j++) {
            RowMath.addScaled(gx, (img * w.inVol + src[j]) * c, gy, o, 1f / count, c);
          }
        }
      }
    });
    return Tensor.wrap(gx, inShape);
  }
}
