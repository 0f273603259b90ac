package org.jkeras.backend.cpu;

import static jdk.incubator.vector.FloatVector.broadcast;
import static jdk.incubator.vector.FloatVector.fromArray;
import static org.jkeras.backend.cpu.VectorMath.S;

import jdk.incubator.vector.FloatVector;
import org.jkeras.backend.BinaryFunction;
import org.jkeras.backend.Broadcast;
import org.jkeras.backend.Shape;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;

/**
 * Broadcast binary arithmetic. Each row of the {@link BroadcastLoop} is a vector-vector,
 * vector-scalar or scalar-vector loop, written out per function so the JIT keeps every vector in
 * registers.
 */
final class CpuBinary {
  private static final int L = S.length();

  private CpuBinary() {}

  static Tensor apply(BinaryFunction fn, Tensor a, Tensor b) {
    Shape outShape = Broadcast.shape(fn.kerasName(), a.shape(), b.shape());
    float[] av = a.floatData();
    float[] bv = b.floatData();
    float[] out = StepArena.floats(outShape.sizeAsInt());
    BroadcastLoop loop = BroadcastLoop.of(outShape, a.shape(), b.shape());
    boolean va = loop.innerStride(0) == 1;
    boolean vb = loop.innerStride(1) == 1;
    long cost = fn == BinaryFunction.POWER ? 16 : 1;
    loop.run(cost, (o, ia, ib, unused, n) -> {
      if (va && vb) {
        vv(fn, av, ia, bv, ib, out, o, n);
      } else if (va) {
        vs(fn, av, ia, bv[ib], out, o, n);
      } else if (vb) {
        sv(fn, av[ia], bv, ib, out, o, n);
      } else {
        java.util.Arrays.fill(out, o, o + n, scalar(fn, av[ia], bv[ib]));
      }
    });
    return Tensor.wrap(out, outShape);
  }

  static float scalar(BinaryFunction fn, float x, float y) {
    return switch (fn) {
      case ADD -> x + y;
      case SUBTRACT -> x - y;
      case MULTIPLY -> x * y;
      case DIVIDE -> x / y;
      case POWER -> (float) Math.pow(x, y);
      case MAXIMUM -> Math.max(x, y);
      case MINIMUM -> Math.min(x, y);
    };
  }


  /** {@code out[o..] = fn(a[ia..], b[ib..])}. */
  static void vv(BinaryFunction fn, float[] a, int ia, float[] b, int ib, float[] out, int o,
      int n) {
    int i = 0;
    int bound = S.loopBound(n);
    switch (fn) {
      case ADD -> {
        for (; i < bound; i += L) {
          fromArray(S, a, ia + i).add(fromArray(S, b, ib + i)).intoArray(out, o + i);
        }
      }
      case SUBTRACT -> {
        for (; i < bound; i += L) {
          fromArray(S, a, ia + i).sub(fromArray(S, b, ib + i)).intoArray(out, o + i);
        }
      }
      case MULTIPLY -> {
        for (; i < bound; i += L) {
          fromArray(S, a, ia + i).mul(fromArray(S, b, ib + i)).intoArray(out, o + i);
        }
      }
      case DIVIDE -> {
        for (; i < bound; i += L) {
          fromArray(S, a, ia + i).div(fromArray(S, b, ib + i)).intoArray(out, o + i);
        }
      }
      case MAXIMUM -> {
        for (; i < bound; i += L) {
          fromArray(S, a, ia + i).max(fromArray(S, b, ib + i)).intoArray(out, o + i);
        }
      }
      case MINIMUM -> {
        for (; i < bound; i += L) {
          fromArray(S, a, ia + i).min(fromArray(S, b, ib + i)).intoArray(out, o + i);
        }
      }
      case POWER -> { }
    }
    for (; i < n; i++) {
      out[o + i] = scalar(fn, a[ia + i], b[ib + i]);
    }
  }

  /** {@code out[o..] = fn(a[ia..], s)}. */
  static void vs(BinaryFunction fn, float[] a, int ia, float s, float[] out, int o, int n) {
    int i = 0;
    int bound = S.loopBound(n);
    FloatVector sv = broadcast(S, s);
    switch (fn) {
      case ADD -> {
        for (; i < bound; i += L) {
          fromArray(S, a, ia + i).add(sv).intoArray(out, o + i);
        }
      }
      case SUBTRACT -> {
        for (; i < bound; i += L) {
          fromArray(S, a, ia + i).sub(sv).intoArray(out, o + i);
        }
      }
      case MULTIPLY -> {
        for (; i < bound; i += L) {
          fromArray(S, a, ia + i).mul(sv).intoArray(out, o + i);
        }
      }
      case DIVIDE -> {
        for (; i < bound; i += L) {
          fromArray(S, a, ia + i).div(sv).intoArray(out, o + i);
        }
      }
      case MAXIMUM -> {
        for (; i < bound; i += L) {
          fromArray(S, a, ia + i).max(sv).intoArray(out, o + i);
        }
      }
      case MINIMUM -> {
        for (; i < bound; i += L) {
          fromArray(S, a, ia + i).min(sv).intoArray(out, o + i);
        }
      }
      case POWER -> {
        if (s == 2f) {
          for (; i < bound; i += L) {
            FloatVector x = fromArray(S, a, ia + i);
            x.mul(x).intoArray(out, o + i);
          }
        }
      }
    }
    for (; i < n; i++) {
      out[o + i] = scalar(fn, a[ia + i], s);
    }
  }

  /** {@code out[o..] = fn(s, b[ib..])}. */
  static void sv(BinaryFunction fn, float s, float[] b, int ib, float[] out, int o, int n) {
    int i = 0;
    int bound = S.loopBound(n);
    FloatVector sv = broadcast(S, s);
    switch (fn) {
      case ADD -> {
        for (; i < bound; i += L) {
          sv.add(fromArray(S, b, ib + i)).intoArray(out, o + i);
        }
      }
      case SUBTRACT -> {
        for (; i < bound; i += L) {
          sv.sub(fromArray(S, b, ib + i)).intoArray(out, o + i);
        }
      }
      case MULTIPLY -> {
        for (; i < bound; i += L) {
          sv.mul(fromArray(S, b, ib + i)).intoArray(out, o + i);
        }
      }
      case DIVIDE -> {
        for (; i < bound; i += L) {
          sv.div(fromArray(S, b, ib + i)).intoArray(out, o + i);
        }
      }
      case MAXIMUM -> {
        for (; i < bound; i += L) {
          sv.max(fromArray(S, b, ib + i)).intoArray(out, o + i);
        }
      }
      case MINIMUM -> {
        for (; i < bound; i += L) {
          sv.min(fromArray(S, b, ib + i)).intoArray(out, o + i);
        }
      }
      case POWER -> { }
    }
    for (; i < n; i++) {
      out[o + i] = scalar(fn, s, b[ib + i]);
    }
  }
}
