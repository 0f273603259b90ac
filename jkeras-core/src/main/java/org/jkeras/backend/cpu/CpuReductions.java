package org.jkeras.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.jkeras.backend.DType;
import org.jkeras.backend.Reduction;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * Float32 reductions on the Vector API. Sums accumulate in float vectors over short blocks (at
 * most 16 additions per lane) whose totals are added in double, so a sum of a million elements
 * is accurate to about 1e-7 relative while the inner loops stay pure float SIMD. Variance is
 * two passes (mean, then squared deviations), which avoids the cancellation of the one-pass
 * formula.
 */
final class CpuReductions {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int VL = S.length();
  /** Elements per row block: 4 accumulators of VL lanes each add 1024 / (4 VL) values. */
  private static final int ROW_BLOCK = 1024;
  /** Reduced rows per column block: 2 accumulators add at most 32 values each. */
  private static final int COL_BLOCK = 64;

  private CpuReductions() {}

  static Tensor reduce(Reduction reduction, Tensor x, int[] axes, boolean keepdims) {
    x.requireDType(DType.FLOAT32);
    int[] dims = x.shape().dims();
    Shape outShape = outputShape(dims, axes, keepdims);
    ReductionPlan plan = ReductionPlan.of(dims, axes);
    if (plan.perm() != null && reduction != Reduction.VAR && reduction != Reduction.STD) {
      return reduceInSteps(reduction, x, axes, outShape);
    }
    float[] in = plan.perm() == null ? x.floatData()
        : CpuMovement.transpose(x, plan.perm()).floatData();
    return Tensor.wrap(toFloats(compute(reduction, plan, in)), outShape);
  }

  /**
   * Axes in separate runs (such as 0 and 2 of 3) of an associative reduction: one pass per run
   * of consecutive axes, last run first, so each pass is a plain (A, R, B) pass over shrinking
   * data instead of a transpose of the whole input. MEAN sums and divides once at the end.
   */
  private static Tensor reduceInSteps(Reduction reduction, Tensor x, int[] axes, Shape outShape) {
    Reduction step = reduction == Reduction.MEAN ? Reduction.SUM : reduction;
    int[] dims = x.shape().dims();
    long count = 1;
    for (int a : axes) {
      count *= dims[a];
    }
    float[] cur = x.floatData();
    int end = axes.length;
    while (end > 0) {
      int start = end - 1;
      while (start > 0 && axes[start - 1] == axes[start] - 1) {
        start--;
      }
      int[] run = java.util.Arrays.copyOfRange(axes, start, end);
      cur = toFloats(compute(step, ReductionPlan.of(dims, run), cur));
      for (int a : run) {
        dims[a] = 1;
      }
      end = start;
    }
    if (reduction == Reduction.MEAN) {
      for (int i = 0; i < cur.length; i++) {
        cur[i] = (float) ((double) cur[i] / count);
      }
    }
    return Tensor.wrap(cur, outShape);
  }

  private static float[] toFloats(double[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }

  static double[] compute(Reduction reduction, ReductionPlan plan, float[] in) {
    int count = plan.reduced();
    return switch (reduction) {
      case SUM -> sums(plan, in, null);
      case MEAN -> divide(sums(plan, in, null), count);
      case MAX -> extremes(plan, in, true);
      case MIN -> extremes(plan, in, false);
      case PROD -> products(plan, in);
      case VAR, STD -> {
        double[] var = divide(sums(plan, in, means(plan, in)), count);
        if (reduction == Reduction.STD) {
          for (int i = 0; i < var.length; i++) {
            var[i] = Math.sqrt(var[i]);
          }
        }
        yield var;
      }
    };
  }

  /** The means as floats, laid out {@code [A][B]}, for centering. */
  static float[] means(ReductionPlan plan, float[] in) {
    double[] s = sums(plan, in, null);
    float[] m = new float[s.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) (s[i] / plan.reduced());
    }
    return m;
  }

  private static double[] divide(double[] v, int count) {
    for (int i = 0; i < v.length; i++) {
      v[i] /= count;
    }
    return v;
  }

  /** Sums, or with {@code center} the sums of squared deviations from it. */
  static double[] sums(ReductionPlan plan, float[] x, float[] center) {
    int nr = plan.reduced();
    int nb = plan.inner();
    return plan.execute(0, Double::sum,
        (a, from, to) -> center == null ? sumRow(x, from, to)
            : squaredDeviationRow(x, from, to, center[a]),
        (a, r0, r1, b0, b1, acc, base) -> sumColumns(x, a * nr * nb, nb, r0, r1, b0, b1,
            center, a * nb, acc, base));
  }

  private static double sumRow(float[] x, int from, int to) {
    double total = 0;
    for (int blk = from; blk < to; blk += ROW_BLOCK) {
      int end = Math.min(to, blk + ROW_BLOCK);
      FloatVector v0 = FloatVector.zero(S);
      FloatVector v1 = v0;
      FloatVector v2 = v0;
      FloatVector v3 = v0;
      int i = blk;
      for (; i + 4 * VL <= end; i += 4 * VL) {
        v0 = v0.add(FloatVector.fromArray(S, x, i));
        v1 = v1.add(FloatVector.fromArray(S, x, i + VL));
        v2 = v2.add(FloatVector.fromArray(S, x, i + 2 * VL));
        v3 = v3.add(FloatVector.fromArray(S, x, i + 3 * VL));
      }
      for (; i + VL <= end; i += VL) {
        v0 = v0.add(FloatVector.fromArray(S, x, i));
      }
      double t = VectorMath.sumLanes(v0.add(v1).add(v2.add(v3)));
      for (; i < end; i++) {
        t += x[i];
      }
      total += t;
    }
    return total;
  }

  private static double squaredDeviationRow(float[] x, int from, int to, float center) {
    FloatVector c = FloatVector.broadcast(S, center);
    double total = 0;
    for (int blk = from; blk < to; blk += ROW_BLOCK) {
      int end = Math.min(to, blk + ROW_BLOCK);
      FloatVector v0 = FloatVector.zero(S);
      FloatVector v1 = v0;
      int i = blk;
      for (; i + 2 * VL <= end; i += 2 * VL) {
        FloatVector d0 = FloatVector.fromArray(S, x, i).sub(c);
        FloatVector d1 = FloatVector.fromArray(S, x, i + VL).sub(c);
        v0 = d0.fma(d0, v0);
        v1 = d1.fma(d1, v1);
      }
      double t = VectorMath.sumLanes(v0.add(v1));
      for (; i < end; i++) {
        double d = x[i] - center;
        t += d * d;
      }
      total += t;
    }
    return total;
  }

  /** Column sums of rows {@code [r0, r1)}, or squared deviations from {@code center[cBase + b]}. */
  private static void sumColumns(float[] x, int base, int nb, int r0, int r1, int b0, int b1,
      float[] center, int cBase, double[] acc, int accBase) {
    float[] tmp = new float[VL];
    int b = b0;
    for (; b + VL <= b1; b += VL) {
      FloatVector c = center == null ? null : FloatVector.fromArray(S, center, cBase + b);
      for (int rb = r0; rb < r1; rb += COL_BLOCK) {
        int re = Math.min(r1, rb + COL_BLOCK);
        FloatVector v0 = FloatVector.zero(S);
        FloatVector v1 = v0;
        int r = rb;
        int off = base + r * nb + b;
        if (c == null) {
          for (; r + 1 < re; r += 2, off += 2 * nb) {
            v0 = v0.add(FloatVector.fromArray(S, x, off));
            v1 = v1.add(FloatVector.fromArray(S, x, off + nb));
          }
          if (r < re) {
            v0 = v0.add(FloatVector.fromArray(S, x, off));
          }
        } else {
          for (; r < re; r++, off += nb) {
            FloatVector d = FloatVector.fromArray(S, x, off).sub(c);
            v0 = d.fma(d, v0);
          }
        }
        v0.add(v1).intoArray(tmp, 0);
        for (int j = 0; j < VL; j++) {
          acc[accBase + b + j] += tmp[j];
        }
      }
    }
    for (; b < b1; b++) {
      double t = 0;
      float m = center == null ? 0f : center[cBase + b];
      for (int r = r0, off = base + r0 * nb + b; r < r1; r++, off += nb) {
        double d = x[off] - m;
        t += center == null ? d : d * d;
      }
      acc[accBase + b] += t;
    }
  }

  static double[] extremes(ReductionPlan plan, float[] x, boolean max) {
    int nr = plan.reduced();
    int nb = plan.inner();
    float init = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
    return plan.execute(init, max ? Math::max : Math::min,
        (a, from, to) -> max ? maxRow(x, from, to) : minRow(x, from, to),
        (a, r0, r1, b0, b1, acc, accBase) -> {
          int base = a * nr * nb;
          float[] tmp = new float[VL];
          int b = b0;
          for (; b + VL <= b1; b += VL) {
            FloatVector v = FloatVector.broadcast(S, init);
            int off = base + r0 * nb + b;
            // Constant operators in each loop: the Vector API only intrinsifies those.
            if (max) {
              for (int r = r0; r < r1; r++, off += nb) {
                v = v.max(FloatVector.fromArray(S, x, off));
              }
            } else {
              for (int r = r0; r < r1; r++, off += nb) {
                v = v.min(FloatVector.fromArray(S, x, off));
              }
            }
            v.intoArray(tmp, 0);
            for (int j = 0; j < VL; j++) {
              double prev = acc[accBase + b + j];
              acc[accBase + b + j] = max ? Math.max(prev, tmp[j]) : Math.min(prev, tmp[j]);
            }
          }
          for (; b < b1; b++) {
            double m = acc[accBase + b];
            for (int r = r0, off = base + r0 * nb + b; r < r1; r++, off += nb) {
              m = max ? Math.max(m, x[off]) : Math.min(m, x[off]);
            }
            acc[accBase + b] = m;
          }
        });
  }

  private static float maxRow(float[] x, int from, int to) {
    FloatVector v0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
    FloatVector v1 = v0;
    int i = from;
    for (; i + 2 * VL <= to; i += 2 * VL) {
      v0 = v0.max(FloatVector.fromArray(S, x, i));
      v1 = v1.max(FloatVector.fromArray(S, x, i + VL));
    }
    float m = v0.max(v1).reduceLanes(VectorOperators.MAX);
    for (; i < to; i++) {
      m = Math.max(m, x[i]);
    }
    return m;
  }

  private static float minRow(float[] x, int from, int to) {
    FloatVector v0 = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
    FloatVector v1 = v0;
    int i = from;
    for (; i + 2 * VL <= to; i += 2 * VL) {
      v0 = v0.min(FloatVector.fromArray(S, x, i));
      v1 = v1.min(FloatVector.fromArray(S, x, i + VL));
    }
    float m = v0.min(v1).reduceLanes(VectorOperators.MIN);
    for (; i < to; i++) {
      m = Math.min(m, x[i]);
    }
    return m;
  }

  static double[] products(ReductionPlan plan, float[] x) {
    int nr = plan.reduced();
    int nb = plan.inner();
    return plan.execute(1, (p, q) -> p * q, (a, from, to) -> {
      double p = 1;
      for (int i = from; i < to; i++) {
        p *= x[i];
      }
      return p;
    }, (a, r0, r1, b0, b1, acc, accBase) -> {
      int base = a * nr * nb;
      for (int r = r0; r < r1; r++) {
        int off = base + r * nb;
        for (int b = b0; b < b1; b++) {
          acc[accBase + b] *= x[off + b];
        }
      }
    });
  }

  /**
   * The int32 position of the first maximum (or minimum) along {@code axis}; NaN wins, as in
   * numpy.
   */
  static Tensor argExtreme(Tensor x, int axis, boolean max) {
    x.requireDType(DType.FLOAT32);
    int[] dims = x.shape().dims();
    ReductionPlan plan = ReductionPlan.of(dims, new int[] {axis});
    int na = plan.outer();
    int nr = dims[axis];
    int nb = plan.inner();
    float[] in = x.floatData();
    int[] out = new int[na * nb];
    CpuThreads.parallelFor(na, (long) nr * nb, (lo, hi) -> {
      float[] best = new float[nb];
      for (int a = lo; a < hi; a++) {
        int base = a * nr * nb;
        System.arraycopy(in, base, best, 0, nb);
        for (int r = 1; r < nr; r++) {
          int off = base + r * nb;
          for (int b = 0; b < nb; b++) {
            float v = in[off + b];
            float cur = best[b];
            if (cur == cur && ((max ? v > cur : v < cur) || v != v)) {
              best[b] = v;
              out[a * nb + b] = r;
            }
          }
        }
      }
    });
    return Tensor.wrapInts(out, outputShape(dims, new int[] {axis}, false));
  }

  static Shape outputShape(int[] dims, int[] axes, boolean keepdims) {
    boolean[] red = new boolean[dims.length];
    for (int a : axes) {
      red[a] = true;
    }
    int[] out = new int[dims.length];
    int n = 0;
    for (int d = 0; d < dims.length; d++) {
      if (!red[d]) {
        out[n++] = dims[d];
      } else if (keepdims) {
        out[n++] = 1;
      }
    }
    return Shape.of(java.util.Arrays.copyOf(out, n));
  }
}
