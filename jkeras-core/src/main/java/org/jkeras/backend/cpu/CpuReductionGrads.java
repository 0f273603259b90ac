package org.jkeras.backend.cpu;

import org.jkeras.backend.DType;
import org.jkeras.backend.Reduction;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;

/**
 * Gradients of reductions, on the same {@code [A][R][B]} view as the forward pass ({@link
 * ReductionPlan}); {@code y} and {@code g} are {@code [A][B]}.
 *
 * <ul>
 *   <li>MAX / MIN: the gradient goes to every element equal to the extreme, split evenly between
 *       ties (TensorFlow's {@code _MinOrMaxGrad} and JAX's reduce_max rule do the same).
 *   <li>PROD: {@code prod / x} without zeros; with one zero only that element gets the product of
 *       the others; with two or more zeros every gradient is zero. Exact either way.
 *   <li>VAR: {@code 2 (x - mean) / n}; STD: {@code (x - mean) / (n std)}, and 0 where std is 0
 *       (every element equal), where TensorFlow and JAX give NaN.
 * </ul>
 */
final class CpuReductionGrads {
  private CpuReductionGrads() {}

  static Tensor reduceGradient(Reduction reduction, Tensor x, Tensor y, Tensor g, int[] axes) {
    x.requireDType(DType.FLOAT32);
    ReductionPlan plan = ReductionPlan.of(x.shape().dims(), axes);
    Tensor xt = plan.perm() == null ? x : CpuMovement.transpose(x, plan.perm());
    float[] xv = xt.floatData();
    float[] yv = y.floatData();
    float[] gv = g.floatData();
    int na = plan.outer();
    int nr = plan.reduced();
    int nb = plan.inner();
    float[] dx = StepArena.floats(xv.length);
    float[] aux = switch (reduction) {
      case MAX, MIN -> tieCounts(plan, xv, yv);
      case VAR, STD -> CpuReductions.means(plan, xv);
      case PROD -> nonzeroProducts(plan, xv);
      case SUM, MEAN -> null;
    };
    float invR = 1f / nr;
    CpuThreads.parallelFor(na, (long) nr * nb, (lo, hi) -> {
      for (int a = lo; a < hi; a++) {
        for (int r = 0; r < nr; r++) {
          int i = (a * nr + r) * nb;
          int o = a * nb;
          switch (reduction) {
            case SUM -> System.arraycopy(gv, o, dx, i, nb);
            case MEAN -> {
              for (int b = 0; b < nb; b++) {
                dx[i + b] = gv[o + b] * invR;
              }
            }
            case MAX, MIN -> {
              for (int b = 0; b < nb; b++) {
                dx[i + b] = xv[i + b] == yv[o + b] ? gv[o + b] / aux[o + b] : 0f;
              }
            }
            case VAR -> {
              for (int b = 0; b < nb; b++) {
                dx[i + b] = gv[o + b] * 2f * invR * (xv[i + b] - aux[o + b]);
              }
            }
            case STD -> {
              for (int b = 0; b < nb; b++) {
                float s = yv[o + b];
                dx[i + b] = s > 0f ? gv[o + b] * (xv[i + b] - aux[o + b]) / (nr * s) : 0f;
              }
            }
            case PROD -> {
              for (int b = 0; b < nb; b++) {
                dx[i + b] = gv[o + b] * prodGrad(xv[i + b], yv[o + b], aux, nb * na, o + b);
              }
            }
          }
        }
      }
    });
    Tensor result = Tensor.wrap(dx, xt.shape());
    return plan.perm() == null ? result : CpuMovement.transpose(result, inverse(plan.perm()));
  }

  /** How many elements of each group equal the group's extreme. */
  private static float[] tieCounts(ReductionPlan plan, float[] x, float[] y) {
    int na = plan.outer();
    int nr = plan.reduced();
    int nb = plan.inner();
    float[] counts = new float[na * nb];
    CpuThreads.parallelFor(na, (long) nr * nb, (lo, hi) -> {
      for (int a = lo; a < hi; a++) {
        for (int r = 0; r < nr; r++) {
          int i = (a * nr + r) * nb;
          for (int b = 0; b < nb; b++) {
            if (x[i + b] == y[a * nb + b]) {
              counts[a * nb + b]++;
            }
          }
        }
      }
    });
    return counts;
  }

  /**
   * Per group: the product of its nonzero elements (first half) and its count of zeros (second
   * half), in one array of length {@code 2 A B}.
   */
  private static float[] nonzeroProducts(ReductionPlan plan, float[] x) {
    int na = plan.outer();
    int nr = plan.reduced();
    int nb = plan.inner();
    int groups = na * nb;
    float[] out = new float[2 * groups];
    CpuThreads.parallelFor(na, (long) nr * nb, (lo, hi) -> {
      double[] p = new double[nb];
      for (int a = lo; a < hi; a++) {
        java.util.Arrays.fill(p, 1.0);
        for (int r = 0; r < nr; r++) {
          int i = (a * nr + r) * nb;
          for (int b = 0; b < nb; b++) {
            if (x[i + b] == 0f) {
              out[groups + a * nb + b]++;
            } else {
              p[b] *= x[i + b];
            }
          }
        }
        for (int b = 0; b < nb; b++) {
          out[a * nb + b] = (float) p[b];
        }
      }
    });
    return out;
  }

  private static float prodGrad(float x, float y, float[] aux, int groups, int o) {
    float zeros = aux[groups + o];
    if (zeros == 0f) {
      return aux[o] / x;
    }
    return zeros == 1f && x == 0f ? aux[o] : 0f;
  }

  private static int[] inverse(int[] perm) {
    int[] inv = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      inv[perm[i]] = i;
    }
    return inv;
  }
}
