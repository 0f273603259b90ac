package org.jkeras.backend.cpu;

import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;

/**
 * Fused in-place update rules of Keras 3's optimizers: one pass over a weight, its gradient and
 * its slots, in float32 like Keras. Scalars that depend only on the step (bias corrections) are
 * computed by the caller. Optional slots are null when the option is off.
 */
public final class CpuOptimizerKernels {
  private static final long WORK = 12;

  private CpuOptimizerKernels() {}

  /** SGD: plain, with momentum, or Nesterov momentum. */
  public static void sgd(
      Variable var, Tensor grad, Variable m, float lr, float momentum, boolean nesterov) {
    float[] w = var.floatData();
    float[] g = grad.floatData();
    if (m == null) {
      CpuThreads.parallelFor(w.length, WORK, (lo, hi) -> {
        for (int i = lo; i < hi; i++) {
          w[i] -= g[i] * lr;
        }
      });
      return;
    }
    float[] b = m.floatData();
    CpuThreads.parallelFor(w.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        float step = g[i] * lr;
        b[i] = b[i] * momentum - step;
        w[i] += nesterov ? b[i] * momentum - step : b[i];
      }
    });
  }

  /** RMSprop, optionally centered and with momentum. */
  public static void rmsprop(Variable var, Tensor grad, Variable velocity, Variable mom,
      Variable averageGrad, float lr, float rho, float momentum, float epsilon) {
    float[] w = var.floatData();
    float[] g = grad.floatData();
    float[] vel = velocity.floatData();
    float[] mo = mom == null ? null : mom.floatData();
    float[] ag = averageGrad == null ? null : averageGrad.floatData();
    float rest = 1 - rho;
    CpuThreads.parallelFor(w.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        float gi = g[i];
        vel[i] = rho * vel[i] + rest * (gi * gi);
        float denominator;
        if (ag != null) {
          ag[i] = rho * ag[i] + rest * gi;
          denominator = vel[i] - ag[i] * ag[i] + epsilon;
        } else {
          denominator = vel[i] + epsilon;
        }
        float increment = lr * gi / (float) Math.sqrt(denominator);
        if (mo != null) {
          mo[i] = momentum * mo[i] + increment;
          w[i] -= mo[i];
        } else {
          w[i] -= increment;
        }
      }
    });
  }

  /**
   * Adam (and AdamW, whose decay is applied before): {@code alpha} is
   * {@code lr * sqrt(1 - beta2^t) / (1 - beta1^t)}; {@code velocityHat} is the AMSGrad maximum.
   */
  public static void adam(Variable var, Tensor grad, Variable m, Variable v, Variable velocityHat,
      float alpha, float beta1, float beta2, float epsilon) {
    float[] w = var.floatData();
    float[] g = grad.floatData();
    float[] ma = m.floatData();
    float[] va = v.floatData();
    float[] vh = velocityHat == null ? null : velocityHat.floatData();
    float rest1 = 1 - beta1;
    float rest2 = 1 - beta2;
    CpuThreads.parallelFor(w.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        float gi = g[i];
        ma[i] = ma[i] * beta1 + rest1 * gi;
        va[i] = va[i] * beta2 + rest2 * (gi * gi);
        float vi = va[i];
        if (vh != null) {
          vh[i] = Math.max(vh[i], vi);
          vi = vh[i];
        }
        w[i] -= ma[i] * alpha / ((float) Math.sqrt(vi) + epsilon);
      }
    });
  }

  /** Adagrad: the accumulator starts at {@code initial_accumulator_value}. */
  public static void adagrad(
      Variable var, Tensor grad, Variable accumulator, float lr, float epsilon) {
    float[] w = var.floatData();
    float[] g = grad.floatData();
    float[] acc = accumulator.floatData();
    CpuThreads.parallelFor(w.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        float gi = g[i];
        acc[i] += gi * gi;
        w[i] -= lr * gi / (float) Math.sqrt(acc[i] + epsilon);
      }
    });
  }

  /** Adadelta. */
  public static void adadelta(Variable var, Tensor grad, Variable accumulatedGrad,
      Variable accumulatedDelta, float lr, float rho, float epsilon) {
    float[] w = var.floatData();
    float[] g = grad.floatData();
    float[] ag = accumulatedGrad.floatData();
    float[] ad = accumulatedDelta.floatData();
    float rest = 1 - rho;
    CpuThreads.parallelFor(w.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        float gi = g[i];
        ag[i] = rho * ag[i] + rest * (gi * gi);
        float rmsDelta = (float) Math.sqrt(ad[i] + epsilon);
        float delta = -(rmsDelta * gi / (float) Math.sqrt(ag[i] + epsilon));
        ad[i] = rho * ad[i] + rest * (delta * delta);
        w[i] += lr * delta;
      }
    });
  }

  /** Adamax: {@code biasCorrection} is {@code 1 - beta1^t}. */
  public static void adamax(Variable var, Tensor grad, Variable m, Variable u, float lr,
      float beta1, float beta2, float epsilon, float biasCorrection) {
    float[] w = var.floatData();
    float[] g = grad.floatData();
    float[] ma = m.floatData();
    float[] ua = u.floatData();
    float rest1 = 1 - beta1;
    CpuThreads.parallelFor(w.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        float gi = g[i];
        ma[i] = ma[i] * beta1 + rest1 * gi;
        ua[i] = Math.max(beta2 * ua[i], Math.abs(gi));
        w[i] -= lr * ma[i] / (biasCorrection * (ua[i] + epsilon));
      }
    });
  }

  /**
   * Nadam: {@code uT}, {@code uNext} are the momentum schedule at t and t+1, {@code uProduct},
   * {@code uProductNext} their running products, {@code beta2Power} is {@code beta2^t}.
   */
  public static void nadam(Variable var, Tensor grad, Variable m, Variable v, float lr,
      float beta1, float beta2, float epsilon, float uT, float uNext, float uProduct,
      float uProductNext, float beta2Power) {
    float[] w = var.floatData();
    float[] g = grad.floatData();
    float[] ma = m.floatData();
    float[] va = v.floatData();
    float rest1 = 1 - beta1;
    float rest2 = 1 - beta2;
    float mScale = 1 - uProductNext;
    float gFactor = 1 - uT;
    float gScale = 1 - uProduct;
    float vScale = 1 - beta2Power;
    CpuThreads.parallelFor(w.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        float gi = g[i];
        ma[i] = ma[i] * beta1 + rest1 * gi;
        va[i] = va[i] * beta2 + rest2 * (gi * gi);
        float mHat = uNext * ma[i] / mScale + gFactor * gi / gScale;
        float vHat = va[i] / vScale;
        w[i] -= mHat * lr / ((float) Math.sqrt(vHat) + epsilon);
      }
    });
  }

  /** Lion: the sign of an interpolation, then the momentum update with {@code beta2}. */
  public static void lion(
      Variable var, Tensor grad, Variable m, float lr, float beta1, float beta2) {
    float[] w = var.floatData();
    float[] g = grad.floatData();
    float[] ma = m.floatData();
    float rest1 = 1 - beta1;
    float rest2 = 1 - beta2;
    CpuThreads.parallelFor(w.length, WORK, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        float gi = g[i];
        float c = ma[i] * beta1 + gi * rest1;
        w[i] -= lr * Math.signum(c);
        ma[i] = ma[i] * beta2 + gi * rest2;
      }
    });
  }
}
