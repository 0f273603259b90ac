package org.jkeras.backend.cpu;

import static jdk.incubator.vector.FloatVector.broadcast;
import static jdk.incubator.vector.FloatVector.fromArray;
import static org.jkeras.backend.cpu.VectorMath.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;

/**
 * Softmax and log-softmax along one axis, and their gradients. The tensor is seen as (outer,
 * axis, inner): along the last axis (inner = 1) each row is reduced with vector lanes across the
 * row; otherwise the lanes run across {@code inner}, so both layouts stay vectorised. The maximum
 * is subtracted first, so large inputs do not overflow.
 */
final class CpuSoftmax {
  private static final int L = S.length();

  private CpuSoftmax() {}

  /** Which of the four computations to run. */
  enum Kind { SOFTMAX, LOG_SOFTMAX, SOFTMAX_GRAD, LOG_SOFTMAX_GRAD }

  /** For the forward kinds {@code g} is null and {@code y} is the input. */
  static Tensor run(Kind kind, Tensor y, Tensor g, int axis) {
    int[] dims = y.shape().dims();
    int len = dims[axis];
    int inner = 1;
    for (int d = axis + 1; d < dims.length; d++) {
      inner *= dims[d];
    }
    int outer = len == 0 || inner == 0 ? 0 : y.size() / (len * inner);
    float[] in = y.floatData();
    float[] gv = g == null ? null : g.floatData();
    float[] out = StepArena.floats(in.length);
    int innerF = inner;
    CpuThreads.parallelFor(outer, 8L * len * inner, (lo, hi) -> {
      float[] acc = new float[innerF * 2];
      for (int o = lo; o < hi; o++) {
        int base = o * len * innerF;
        if (innerF == 1) {
          row(kind, in, gv, out, base, len);
        } else {
          strided(kind, in, gv, out, base, len, innerF, acc);
        }
      }
    });
    return Tensor.wrap(out, y.shape());
  }

  private static FloatVector load(float[] a, int off, int i, int n, float fill) {
    if (i + L <= n) {
      return fromArray(S, a, off + i);
    }
    VectorMask<Float> m = S.indexInRange(i, n);
    return broadcast(S, fill).blend(fromArray(S, a, off + i, m), m);
  }

  private static void store(FloatVector v, float[] a, int off, int i, int n) {
    if (i + L <= n) {
      v.intoArray(a, off + i);
    } else {
      v.intoArray(a, off + i, S.indexInRange(i, n));
    }
  }

  /** One contiguous row of length n at {@code off}. */
  static void row(Kind kind, float[] x, float[] g, float[] out, int off, int n) {
    if (n <= L && (kind == Kind.SOFTMAX || kind == Kind.LOG_SOFTMAX)) {
      shortRow(kind, x, out, off, n);
      return;
    }
    switch (kind) {
      case SOFTMAX, LOG_SOFTMAX -> {
        FloatVector mv = broadcast(S, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i += L) {
          mv = mv.max(load(x, off, i, n, Float.NEGATIVE_INFINITY));
        }
        float max = mv.reduceLanes(VectorOperators.MAX);
        float shift = max == Float.NEGATIVE_INFINITY || Float.isInfinite(max) ? 0f : max;
        FloatVector sv = FloatVector.zero(S);
        for (int i = 0; i < n; i += L) {
          FloatVector e = expShifted(x, off, i, n, shift);
          sv = sv.add(e);
          if (kind == Kind.SOFTMAX) {
            store(e, out, off, i, n);
          }
        }
        float sum = VectorMath.sumLanes(sv);
        if (kind == Kind.SOFTMAX) {
          float inv = 1f / sum;
          for (int i = 0; i < n; i += L) {
            store(load(out, off, i, n, 0f).mul(inv), out, off, i, n);
          }
        } else {
          // (x - max) - log(sum): subtracting the large max first keeps the small part exact.
          float logSum = (float) Math.log(sum);
          for (int i = 0; i < n; i += L) {
            store(load(x, off, i, n, 0f).sub(shift).sub(logSum), out, off, i, n);
          }
        }
      }
      case SOFTMAX_GRAD -> {
        FloatVector dv = FloatVector.zero(S);
        for (int i = 0; i < n; i += L) {
          dv = load(g, off, i, n, 0f).fma(load(x, off, i, n, 0f), dv);
        }
        float dot = VectorMath.sumLanes(dv);
        for (int i = 0; i < n; i += L) {
          store(load(g, off, i, n, 0f).sub(dot).mul(load(x, off, i, n, 0f)), out, off, i, n);
        }
      }
      case LOG_SOFTMAX_GRAD -> {
        FloatVector sv = FloatVector.zero(S);
        for (int i = 0; i < n; i += L) {
          sv = sv.add(load(g, off, i, n, 0f));
        }
        float sum = VectorMath.sumLanes(sv);
        for (int i = 0; i < n; i += L) {
          FloatVector p = VectorMath.exp(load(x, off, i, n, 0f));
          store(p.neg().fma(broadcast(S, sum), load(g, off, i, n, 0f)), out, off,
              i, n);
        }
      }
    }
  }

  /**
   * A forward row that fits in one vector (a classifier's few classes): loaded twice (for the
   * maximum, then for exp) and stored once, with the same values as the passes in {@link #row},
   * which load it three times and store it twice. A row of 10 took 115 ns that way, 85 ns with
   * {@link #expShifted} alone, 66-75 ns here.
   */
  private static void shortRow(Kind kind, float[] x, float[] out, int off, int n) {
    FloatVector xv = load(x, off, 0, n, Float.NEGATIVE_INFINITY);
    float max = xv.reduceLanes(VectorOperators.MAX);
    float shift = max == Float.NEGATIVE_INFINITY || Float.isInfinite(max) ? 0f : max;
    FloatVector e = expShifted(x, off, 0, n, shift);
    float sum = VectorMath.sumLanes(e);
    if (kind == Kind.SOFTMAX) {
      store(e.mul(1f / sum), out, off, 0, n);
    } else {
      store(xv.sub(shift).sub((float) Math.log(sum)), out, off, 0, n);
    }
  }

  /**
   * {@code e^(x - shift)} for the row's lanes from {@code i}, and 0 past the row's end. Those
   * lanes are computed as {@code e^0} and then zeroed: as {@code e^-inf} they went through exp's
   * subnormal range, whose slow arithmetic made a row of 10 cost three times a row of 16.
   */
  private static FloatVector expShifted(float[] x, int off, int i, int n, float shift) {
    if (i + L <= n) {
      return VectorMath.exp(fromArray(S, x, off + i).sub(shift));
    }
    FloatVector e = VectorMath.exp(load(x, off, i, n, shift).sub(shift));
    return FloatVector.zero(S).blend(e, S.indexInRange(i, n));
  }

  /**
   * One (len, inner) block at {@code off}: lanes run across inner; {@code acc} holds the
   * per-column max (or dot) and sum.
   */
  private static void strided(Kind kind, float[] x, float[] g, float[] out, int off, int len,
      int inner, float[] acc) {
    java.util.Arrays.fill(acc, 0, inner, Float.NEGATIVE_INFINITY);
    java.util.Arrays.fill(acc, inner, 2 * inner, 0f);
    switch (kind) {
      case SOFTMAX, LOG_SOFTMAX -> {
        for (int k = 0; k < len; k++) {
          for (int j = 0; j < inner; j += L) {
            store(load(acc, 0, j, inner, 0f).max(load(x, off + k * inner, j, inner, 0f)), acc,
                0, j, inner);
          }
        }
        for (int j = 0; j < inner; j++) {
          acc[j] = Float.isInfinite(acc[j]) ? 0f : acc[j];
        }
        for (int k = 0; k < len; k++) {
          int r = off + k * inner;
          for (int j = 0; j < inner; j += L) {
            FloatVector z = load(x, r, j, inner, 0f).sub(load(acc, 0, j, inner, 0f));
            FloatVector e = VectorMath.exp(z);
            store(load(acc, inner, j, inner, 0f).add(e), acc, inner, j, inner);
            if (kind == Kind.SOFTMAX) {
              store(e, out, r, j, inner);
            }
          }
        }
        for (int j = 0; j < inner; j++) {
          acc[inner + j] = kind == Kind.SOFTMAX ? 1f / acc[inner + j]
              : (float) Math.log(acc[inner + j]);
        }
        for (int k = 0; k < len; k++) {
          int r = off + k * inner;
          for (int j = 0; j < inner; j += L) {
            FloatVector s = load(acc, inner, j, inner, 0f);
            FloatVector v = kind == Kind.SOFTMAX ? load(out, r, j, inner, 0f).mul(s)
                : load(x, r, j, inner, 0f).sub(load(acc, 0, j, inner, 0f)).sub(s);
            store(v, out, r, j, inner);
          }
        }
      }
      case SOFTMAX_GRAD, LOG_SOFTMAX_GRAD -> {
        boolean soft = kind == Kind.SOFTMAX_GRAD;
        for (int k = 0; k < len; k++) {
          int r = off + k * inner;
          for (int j = 0; j < inner; j += L) {
            FloatVector gv = load(g, r, j, inner, 0f);
            FloatVector t = soft ? gv.mul(load(x, r, j, inner, 0f)) : gv;
            store(load(acc, inner, j, inner, 0f).add(t), acc, inner, j, inner);
          }
        }
        for (int k = 0; k < len; k++) {
          int r = off + k * inner;
          for (int j = 0; j < inner; j += L) {
            FloatVector s = load(acc, inner, j, inner, 0f);
            FloatVector yv = load(x, r, j, inner, 0f);
            FloatVector gv = load(g, r, j, inner, 0f);
            FloatVector v = soft ? gv.sub(s).mul(yv) : gv.sub(VectorMath.exp(yv).mul(s));
            store(v, out, r, j, inner);
          }
        }
      }
    }
  }
}
