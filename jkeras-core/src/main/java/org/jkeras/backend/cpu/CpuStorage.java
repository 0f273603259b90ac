package org.jkeras.backend.cpu;

import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;

/**
 * The backing array of a tensor of any dtype as an {@code Object} ({@code float[]}, {@code int[]}
 * or {@code long[]}), so data movement kernels are written once for every dtype:
 * {@code System.arraycopy} takes any of them.
 */
final class CpuStorage {
  private CpuStorage() {}

  static Object array(Tensor t) {
    return switch (t.dtype()) {
      case FLOAT32 -> t.floatData();
      case INT32, BOOL -> t.intData();
      case INT64 -> t.longData();
    };
  }

  /** A zeroed array. */
  static Object allocate(DType dtype, int n) {
    return switch (dtype) {
      case FLOAT32 -> StepArena.zeroedFloats(n);
      case INT32, BOOL -> new int[n];
      case INT64 -> new long[n];
    };
  }

  /** An array for an op's output that the kernel writes whole: any contents. */
  static Object allocateOutput(DType dtype, int n) {
    return dtype == DType.FLOAT32 ? StepArena.floats(n) : allocate(dtype, n);
  }

  static Tensor wrap(Object array, DType dtype, Shape shape) {
    return switch (dtype) {
      case FLOAT32 -> Tensor.wrap((float[]) array, shape);
      case INT32 -> Tensor.wrapInts((int[]) array, shape);
      case BOOL -> Tensor.wrapBools((int[]) array, shape);
      case INT64 -> Tensor.wrapLongs((long[]) array, shape);
    };
  }

  /** Copies {@code n} elements from {@code src[s], src[s + stride], ...} to {@code dst[d...]}. */
  static void strided(Object src, int s, int stride, Object dst, int d, int n) {
    if (stride == 1) {
      System.arraycopy(src, s, dst, d, n);
    } else if (src instanceof float[] f) {
      float[] o = (float[]) dst;
      if (stride == 0) {
        java.util.Arrays.fill(o, d, d + n, f[s]);
        return;
      }
      for (int i = 0; i < n; i++, s += stride) {
        o[d + i] = f[s];
      }
    } else if (src instanceof int[] f) {
      int[] o = (int[]) dst;
      if (stride == 0) {
        java.util.Arrays.fill(o, d, d + n, f[s]);
        return;
      }
      for (int i = 0; i < n; i++, s += stride) {
        o[d + i] = f[s];
      }
    } else {
      long[] f = (long[]) src;
      long[] o = (long[]) dst;
      if (stride == 0) {
        java.util.Arrays.fill(o, d, d + n, f[s]);
        return;
      }
      for (int i = 0; i < n; i++, s += stride) {
        o[d + i] = f[s];
      }
    }
  }

  /** Copies {@code n} contiguous elements from {@code src[s...]} to {@code dst} every stride. */
  static void scatter(Object src, int s, Object dst, int d, int stride, int n) {
    if (stride == 1) {
      System.arraycopy(src, s, dst, d, n);
    } else if (src instanceof float[] f) {
      float[] o = (float[]) dst;
      for (int i = 0; i < n; i++, d += stride) {
        o[d] = f[s + i];
      }
    } else if (src instanceof int[] f) {
      int[] o = (int[]) dst;
      for (int i = 0; i < n; i++, d += stride) {
        o[d] = f[s + i];
      }
    } else {
      long[] f = (long[]) src;
      long[] o = (long[]) dst;
      for (int i = 0; i < n; i++, d += stride) {
        o[d] = f[s + i];
      }
    }
  }
}
