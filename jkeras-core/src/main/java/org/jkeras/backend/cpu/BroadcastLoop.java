package org.jkeras.backend.cpu;

import org.jkeras.backend.Broadcast;
import org.jkeras.backend.Shape;

/**
 * Walks a broadcast elementwise op as rows of a contiguous inner loop. Axes of size 1 are dropped
 * and neighbouring axes that every operand steps through the same way are merged, so a same-shape
 * op is one row, a bias add of (n,) onto (m, n) is m rows with a contiguous bias, and (m, 1) onto
 * (m, n) is m rows with a scalar per row. Kernels then only need contiguous or scalar inner loops.
 */
final class BroadcastLoop {
  /** One run of the inner loop: operand k starts at {@code offK} and steps by its inner stride. */
  @FunctionalInterface
  interface Row {
    void run(int outOff, int off0, int off1, int off2, int len);
  }

  private final int[] dims;
  private final int[][] strides;
  private final int inner;
  private final int rows;

  private BroadcastLoop(int[] dims, int[][] strides) {
    this.dims = dims;
    this.strides = strides;
    this.inner = dims[dims.length - 1];
    int r = 1;
    for (int d = 0; d < dims.length - 1; d++) {
      r *= dims[d];
    }
    this.rows = r;
  }

  /** The loop for operands of shapes {@code ins} broadcast to {@code out} (1 to 3 operands). */
  static BroadcastLoop of(Shape out, Shape... ins) {
    int rank = out.rank();
    int[][] full = new int[ins.length][];
    for (int k = 0; k < ins.length; k++) {
      full[k] = Broadcast.stridesIn(ins[k], out);
    }
    int[] od = out.dims();
    int[] dims = new int[Math.max(1, rank)];
    int[][] st = new int[ins.length][Math.max(1, rank)];
    int n = 0;
    for (int d = 0; d < rank; d++) {
      if (od[d] == 1) {
        continue;
      }
      boolean merge = n > 0;
      for (int k = 0; k < ins.length && merge; k++) {
        merge = st[k][n - 1] == full[k][d] * od[d];
      }
      if (merge) {
        dims[n - 1] *= od[d];
        for (int k = 0; k < ins.length; k++) {
          st[k][n - 1] = full[k][d];
        }
      } else {
        dims[n] = od[d];
        for (int k = 0; k < ins.length; k++) {
          st[k][n] = full[k][d];
        }
        n++;
      }
    }
    if (n == 0) {
      dims[0] = 1; // every axis has size 1: a single element
      n = 1;
    }
    int[][] strides = new int[ins.length][];
    for (int k = 0; k < ins.length; k++) {
      strides[k] = java.util.Arrays.copyOf(st[k], n);
    }
    return new BroadcastLoop(java.util.Arrays.copyOf(dims, n), strides);
  }

  /** The inner stride of operand {@code k}: 1 (contiguous) or 0 (one value for the whole row). */
  int innerStride(int k) {
    return strides[k][dims.length - 1];
  }

  /**
   * Runs {@code row} over every row, splitting across threads when the work ({@code cost} units
   * per element) is large; a single long row is split along its length.
   */
  void run(long cost, Row row) {
    if (inner == 0 || rows == 0) {
      return;
    }
    if (rows == 1) {
      int s0 = innerStride(0);
      int s1 = strides.length > 1 ? innerStride(1) : 0;
      int s2 = strides.length > 2 ? innerStride(2) : 0;
      CpuThreads.parallelForAligned(inner, cost, 64,
          (lo, hi) -> row.run(lo, lo * s0, lo * s1, lo * s2, hi - lo));
      return;
    }
    CpuThreads.parallelFor(rows, cost * inner, (lo, hi) -> runRows(lo, hi, row));
  }

  private void runRows(int lo, int hi, Row row) {
    int outer = dims.length - 1;
    int[] idx = new int[outer];
    int[] off = new int[3];
    int rem = lo;
    for (int d = outer - 1; d >= 0; d--) {
      idx[d] = rem % dims[d];
      rem /= dims[d];
      for (int k = 0; k < strides.length; k++) {
        off[k] += idx[d] * strides[k][d];
      }
    }
    for (int r = lo; r < hi; r++) {
      row.run(r * inner, off[0], off[1], off[2], inner);
      for (int d = outer - 1; d >= 0; d--) {
        idx[d]++;
        for (int k = 0; k < strides.length; k++) {
          off[k] += strides[k][d];
        }
        if (idx[d] < dims[d]) {
          break;
        }
        for (int k = 0; k < strides.length; k++) {
          off[k] -= strides[k][d] * dims[d];
        }
        idx[d] = 0;
      }
    }
  }
}
