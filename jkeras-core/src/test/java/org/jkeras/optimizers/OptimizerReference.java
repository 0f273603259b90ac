package org.jkeras.optimizers;

import java.util.ArrayList;
import java.util.List;

/**
 * Float64 implementations of Keras 3's update rules, written from keras/src/optimizers/*.py
 * independently of the kernels under test. Each keeps its slots per variable index.
 */
abstract class OptimizerReference {
  private final List<double[][]> slots = new ArrayList<>();

  /** Updates {@code w} in place from {@code g} at 0-based step {@code t} (iterations). */
  abstract void update(double[] w, double[] g, double lr, long t, double[][] s);

  /** How many slots per variable, and their starting value. */
  abstract int slotCount();

  double slotInit() {
    return 0;
  }

  /** Called once per step before the per-variable updates (Nadam's u_product). */
  void beginStep(long t) {}

  void step(List<double[]> weights, List<double[]> grads, double lr, long t) {
    while (slots.size() < weights.size()) {
      double[][] s = new double[slotCount()][weights.get(slots.size()).length];
      for (double[] row : s) {
        java.util.Arrays.fill(row, slotInit());
      }
      slots.add(s);
    }
    beginStep(t);
    for (int i = 0; i < weights.size(); i++) {
      update(weights.get(i), grads.get(i), lr, t, slots.get(i));
    }
  }

  static OptimizerReference sgd(double momentum, boolean nesterov) {
    return new OptimizerReference() {
      int slotCount() {
        return 1;
      }

      void update(double[] w, double[] g, double lr, long t, double[][] s) {
        double[] m = s[0];
        for (int i = 0; i < w.length; i++) {
          if (momentum == 0) {
            w[i] -= g[i] * lr;
            continue;
          }
          m[i] = m[i] * momentum - g[i] * lr;
          w[i] += nesterov ? m[i] * momentum - g[i] * lr : m[i];
        }
      }
    };
  }

  static OptimizerReference rmsprop(double rho, double momentum, double eps, boolean centered) {
    return new OptimizerReference() {
      int slotCount() {
        return 3;
      }

      void update(double[] w, double[] g, double lr, long t, double[][] s) {
        double[] vel = s[0];
        double[] mom = s[1];
        double[] avg = s[2];
        for (int i = 0; i < w.length; i++) {
          vel[i] = rho * vel[i] + (1 - rho) * g[i] * g[i];
          double denominator;
          if (centered) {
            avg[i] = rho * avg[i] + (1 - rho) * g[i];
            denominator = vel[i] - avg[i] * avg[i] + eps;
          } else {
            denominator = vel[i] + eps;
          }
          double increment = lr * g[i] / Math.sqrt(denominator);
          if (momentum > 0) {
            mom[i] = momentum * mom[i] + increment;
            w[i] -= mom[i];
          } else {
            w[i] -= increment;
          }
        }
      }
    };
  }

  static OptimizerReference adam(double b1, double b2, double eps, boolean amsgrad) {
    return new OptimizerReference() {
      int slotCount() {
        return 3;
      }

      void update(double[] w, double[] g, double lr, long t, double[][] s) {
        double step = t + 1;
        double alpha = lr * Math.sqrt(1 - Math.pow(b2, step)) / (1 - Math.pow(b1, step));
        for (int i = 0; i < w.length; i++) {
          s[0][i] += (g[i] - s[0][i]) * (1 - b1);
          s[1][i] += (g[i] * g[i] - s[1][i]) * (1 - b2);
          double v = s[1][i];
          if (amsgrad) {
            s[2][i] = Math.max(s[2][i], v);
            v = s[2][i];
          }
          w[i] -= s[0][i] * alpha / (Math.sqrt(v) + eps);
        }
      }
    };
  }

  static OptimizerReference adagrad(double initial, double eps) {
    return new OptimizerReference() {
      int slotCount() {
        return 1;
      }

      double slotInit() {
        return initial;
      }

      void update(double[] w, double[] g, double lr, long t, double[][] s) {
        for (int i = 0; i < w.length; i++) {
          s[0][i] += g[i] * g[i];
          w[i] -= lr * g[i] / Math.sqrt(s[0][i] + eps);
        }
      }
    };
  }

  static OptimizerReference adadelta(double rho, double eps) {
    return new OptimizerReference() {
      int slotCount() {
        return 2;
      }

      void update(double[] w, double[] g, double lr, long t, double[][] s) {
        for (int i = 0; i < w.length; i++) {
          s[0][i] = rho * s[0][i] + (1 - rho) * g[i] * g[i];
          double delta = -Math.sqrt(s[1][i] + eps) * g[i] / Math.sqrt(s[0][i] + eps);
          s[1][i] = rho * s[1][i] + (1 - rho) * delta * delta;
          w[i] += lr * delta;
        }
      }
    };
  }

  static OptimizerReference adamax(double b1, double b2, double eps) {
    return new OptimizerReference() {
      int slotCount() {
        return 2;
      }

      void update(double[] w, double[] g, double lr, long t, double[][] s) {
        double b1Power = Math.pow(b1, t + 1);
        for (int i = 0; i < w.length; i++) {
          s[0][i] += (g[i] - s[0][i]) * (1 - b1);
          s[1][i] = Math.max(b2 * s[1][i], Math.abs(g[i]));
          w[i] -= lr * s[0][i] / ((1 - b1Power) * (s[1][i] + eps));
        }
      }
    };
  }

  static OptimizerReference nadam(double b1, double b2, double eps) {
    return new OptimizerReference() {
      double uProduct = 1;
      double ut;
      double ut1;

      int slotCount() {
        return 2;
      }

      void beginStep(long t) {
        ut = b1 * (1 - 0.5 * Math.pow(0.96, t + 1));
        ut1 = b1 * (1 - 0.5 * Math.pow(0.96, t + 2));
        uProduct *= ut;
      }

      void update(double[] w, double[] g, double lr, long t, double[][] s) {
        double uProduct1 = uProduct * ut1;
        double b2Power = Math.pow(b2, t + 1);
        for (int i = 0; i < w.length; i++) {
          s[0][i] += (g[i] - s[0][i]) * (1 - b1);
          s[1][i] += (g[i] * g[i] - s[1][i]) * (1 - b2);
          double mHat = ut1 * s[0][i] / (1 - uProduct1) + (1 - ut) * g[i] / (1 - uProduct);
          double vHat = s[1][i] / (1 - b2Power);
          w[i] -= mHat * lr / (Math.sqrt(vHat) + eps);
        }
      }
    };
  }

  static OptimizerReference lion(double b1, double b2) {
    return new OptimizerReference() {
      int slotCount() {
        return 1;
      }

      void update(double[] w, double[] g, double lr, long t, double[][] s) {
        for (int i = 0; i < w.length; i++) {
          w[i] -= lr * Math.signum(s[0][i] * b1 + g[i] * (1 - b1));
          s[0][i] = s[0][i] * b2 + g[i] * (1 - b2);
        }
      }
    };
  }
}
