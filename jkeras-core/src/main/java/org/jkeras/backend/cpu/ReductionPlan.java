package org.jkeras.backend.cpu;

import java.util.function.DoubleBinaryOperator;

/**
 * A reduction seen as {@code (outer, reduced, inner)}: the input is row-major {@code [A][R][B]}
 * and the result {@code [A][B]}, which is also the row-major keepdims shape. Size-1 axes are
 * ignored and neighbouring axes merged, so the two cases layers meet most are one pass: over the
 * last axes ({@code B == 1}, rows) and over leading axes ({@code A == 1}, columns, e.g. a bias
 * gradient). Reduced axes that are not adjacent need {@link #perm}: the input is first
 * transposed to put the kept axes first, then reduced as rows.
 *
 * <p>{@link #execute} splits the work over threads: by rows or column tiles when there are
 * enough, otherwise by ranges of the reduced axis with partial results combined afterwards.
 */
record ReductionPlan(int outer, int reduced, int inner, int[] perm) {
  /** Columns per column-mode task: a few KiB per reduced row. */
  static final int COL_TILE = 256;

  static ReductionPlan of(int[] dims, int[] axes) {
    boolean[] red = new boolean[dims.length];
    for (int a : axes) {
      red[a] = true;
    }
    long a = 1;
    long r = 1;
    long b = 1;
    int phase = 0; // 0: before the reduced run, 1: in it, 2: after it
    boolean adjacent = true;
    for (int d = 0; d < dims.length; d++) {
      if (dims[d] == 1) {
        continue;
      }
      if (red[d]) {
        adjacent &= phase != 2;
        phase = 1;
        r *= dims[d];
      } else if (phase == 0) {
        a *= dims[d];
      } else {
        phase = 2;
        b *= dims[d];
      }
    }
    if (adjacent) {
      return new ReductionPlan((int) a, (int) r, (int) b, null);
    }
    int[] perm = new int[dims.length];
    int k = 0;
    for (int d = 0; d < dims.length; d++) {
      if (!red[d]) {
        perm[k++] = d;
      }
    }
    for (int d = 0; d < dims.length; d++) {
      if (red[d]) {
        perm[k++] = d;
      }
    }
    return new ReductionPlan((int) (a * b), (int) r, 1, perm);
  }

  /** A reduction of {@code [from, to)} of one row (row {@code a}, so {@code B == 1}). */
  @FunctionalInterface
  interface RowFn {
    double apply(int a, int from, int to);
  }

  /**
   * Folds rows {@code [r0, r1)} of columns {@code [b0, b1)} of outer entry {@code a} into
   * {@code acc[accBase + b]}.
   */
  @FunctionalInterface
  interface ColFn {
    void apply(int a, int r0, int r1, int b0, int b1, double[] acc, int accBase);
  }

  /** Runs a reduction whose partial results combine with {@code combine} from {@code init}. */
  double[] execute(double init, DoubleBinaryOperator combine, RowFn rowFn, ColFn colFn) {
    int na = outer;
    int nr = reduced;
    int nb = inner;
    double[] out = new double[na * nb];
    java.util.Arrays.fill(out, init);
    if (out.length == 0 || nr == 0) {
      return out;
    }
    if (nb == 1) {
      if (na >= CpuThreads.maxThreads() || CpuThreads.chunkCount(nr, 1) <= 1) {
        CpuThreads.parallelFor(na, nr, (lo, hi) -> {
          for (int a = lo; a < hi; a++) {
            out[a] = combine.applyAsDouble(init, rowFn.apply(a, a * nr, a * nr + nr));
          }
        });
      } else {
        for (int row = 0; row < na; row++) {
          int a = row;
          int base = a * nr;
          int parts = CpuThreads.chunkCount(nr, 1);
          double[] partial = new double[parts];
          CpuThreads.parallelFor(parts, nr / parts, (lo, hi) -> {
            for (int p = lo; p < hi; p++) {
              partial[p] =
                  rowFn.apply(a, base + bound(nr, parts, p), base + bound(nr, parts, p + 1));
            }
          });
          double v = init;
          for (double d : partial) {
            v = combine.applyAsDouble(v, d);
          }
          out[row] = v;
        }
      }
      return out;
    }
    int tiles = (nb + COL_TILE - 1) / COL_TILE;
    int width = Math.min(nb, COL_TILE);
    int tasks = na * tiles;
    if (tasks >= CpuThreads.maxThreads() || CpuThreads.chunkCount(nr, width) <= 1) {
      CpuThreads.parallelFor(tasks, (long) nr * width, (lo, hi) -> {
        for (int t = lo; t < hi; t++) {
          int a = t / tiles;
          int b0 = (t % tiles) * COL_TILE;
          colFn.apply(a, 0, nr, b0, Math.min(nb, b0 + COL_TILE), out, a * nb);
        }
      });
      return out;
    }
    for (int t = 0; t < tasks; t++) {
      int a = t / tiles;
      int b0 = (t % tiles) * COL_TILE;
      int b1 = Math.min(nb, b0 + COL_TILE);
      int parts = CpuThreads.chunkCount(nr, b1 - b0);
      double[][] partial = new double[parts][b1 - b0];
      CpuThreads.parallelFor(parts, (long) nr / parts * (b1 - b0), (lo, hi) -> {
        for (int p = lo; p < hi; p++) {
          java.util.Arrays.fill(partial[p], init);
          colFn.apply(a, bound(nr, parts, p), bound(nr, parts, p + 1), b0, b1, partial[p], -b0);
        }
      });
      for (double[] part : partial) {
        for (int b = b0; b < b1; b++) {
          out[a * nb + b] = combine.applyAsDouble(out[a * nb + b], part[b - b0]);
        }
      }
    }
    return out;
  }

  private static int bound(int n, int parts, int p) {
    return (int) ((long) n * p / parts);
  }
}
