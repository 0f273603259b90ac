package org.jkeras.backend.cpu;

/**
 * Copies an n-dimensional block between two arrays of the same element type, each described by
 * an offset and element strides (0 repeats an element: broadcasting). Axes of size 1 are dropped
 * and axes that are contiguous in both arrays are merged first, so the innermost loop is a long
 * {@code arraycopy}, fill or strided run; the outer runs are split over threads when large.
 */
final class StridedCopy {
  private StridedCopy() {}

  /** Axes after merging: sizes and both stride lists, outermost first. */
  record Layout(int[] dims, int[] src, int[] dst) {
    int rank() {
      return dims.length;
    }

    long size() {
      long n = 1;
      for (int d : dims) {
        n *= d;
      }
      return n;
    }
  }

  /** Drops size-1 axes and merges neighbours that are contiguous in both arrays. */
  static Layout merge(int[] dims, int[] src, int[] dst) {
    int[] md = new int[dims.length];
    int[] ms = new int[dims.length];
    int[] mt = new int[dims.length];
    int r = 0;
    for (int d = 0; d < dims.length; d++) {
      if (dims[d] == 1) {
        continue;
      }
      if (r > 0 && ms[r - 1] == src[d] * dims[d] && mt[r - 1] == dst[d] * dims[d]) {
        md[r - 1] *= dims[d];
        ms[r - 1] = src[d];
        mt[r - 1] = dst[d];
      } else {
        md[r] = dims[d];
        ms[r] = src[d];
        mt[r] = dst[d];
        r++;
      }
    }
    return new Layout(
        java.util.Arrays.copyOf(md, r), java.util.Arrays.copyOf(ms, r),
        java.util.Arrays.copyOf(mt, r));
  }

  /** Copies the block of {@code dims} from {@code src} to {@code dst}. */
  static void copy(
      Object src, int srcOff, int[] srcStrides, Object dst, int dstOff, int[] dstStrides,
      int[] dims) {
    for (int d : dims) {
      if (d == 0) {
        return;
      }
    }
    run(merge(dims, srcStrides, dstStrides), src, srcOff, dst, dstOff);
  }

  static void run(Layout l, Object src, int srcOff, Object dst, int dstOff) {
    int r = l.rank();
    if (r == 0) {
      System.arraycopy(src, srcOff, dst, dstOff, 1);
      return;
    }
    int len = l.dims[r - 1];
    int s = l.src[r - 1];
    int t = l.dst[r - 1];
    int outer = (int) (l.size() / len);
    CpuThreads.parallelFor(outer, len, (lo, hi) -> {
      int[] idx = new int[r - 1];
      int so = srcOff;
      int to = dstOff;
      int rem = lo;
      for (int d = r - 2; d >= 0; d--) {
        idx[d] = rem % l.dims[d];
        rem /= l.dims[d];
        so += idx[d] * l.src[d];
        to += idx[d] * l.dst[d];
      }
      for (int m = lo; m < hi; m++) {
        if (t == 1) {
          CpuStorage.strided(src, so, s, dst, to, len);
        } else if (s == 1) {
          CpuStorage.scatter(src, so, dst, to, t, len);
        } else {
          for (int i = 0; i < len; i++) {
            System.arraycopy(src, so + i * s, dst, to + i * t, 1);
          }
        }
        for (int d = r - 2; d >= 0; d--) {
          so += l.src[d];
          to += l.dst[d];
          if (++idx[d] < l.dims[d]) {
            break;
          }
          so -= l.src[d] * l.dims[d];
          to -= l.dst[d] * l.dims[d];
          idx[d] = 0;
        }
      }
    });
  }
}
