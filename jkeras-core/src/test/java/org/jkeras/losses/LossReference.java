package org.jkeras.losses;

import org.jkeras.backend.Tensor;

/** Float64 reference formulas for the loss tests, applied row by row over the last axis. */
final class LossReference {
  static final double EPS = 1e-7;

  private LossReference() {}

  /** A per-sample loss of one row of labels and one row of predictions. */
  interface RowLoss {
    double apply(double[] t, double[] p);
  }

  /** The tensor's values as rows over its last axis. */
  static double[][] rows(Tensor x) {
    int last = x.shape().dim(-1);
    double[][] out = new double[x.size() / last][last];
    for (int i = 0; i < x.size(); i++) {
      out[i / last][i % last] = x.getFlat(i);
    }
    return out;
  }

  static double[] perSample(RowLoss f, Tensor yTrue, Tensor yPred) {
    double[][] t = rows(yTrue);
    double[][] p = rows(yPred);
    double[] out = new double[t.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.apply(t[i], p[i]);
    }
    return out;
  }

  /** Keras's default reduction: the weighted sum divided by the number of values. */
  static double sumOverBatchSize(double[] losses, double[] weights) {
    double s = 0;
    for (int i = 0; i < losses.length; i++) {
      s += losses[i] * (weights == null ? 1 : weights[i]);
    }
    return s / losses.length;
  }

  static double clip(double v, double lo, double hi) {
    return Math.min(Math.max(v, lo), hi);
  }

  static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  static RowLoss bce(boolean logits, double smoothing) {
    return (t, p) -> {
      double s = 0;
      for (int i = 0; i < t.length; i++) {
        double y = t[i] * (1 - smoothing) + 0.5 * smoothing;
        if (logits) {
          double prob = 1 / (1 + Math.exp(-p[i]));
          s += -(y * Math.log(prob) + (1 - y) * Math.log(1 - prob));
        } else {
          double q = clip(p[i], EPS, 1 - EPS);
          s += -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
        }
      }
      return s / t.length;
    };
  }

  static double[] logProbs(double[] p, boolean logits) {
    double[] out = new double[p.length];
    if (logits) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : p) {
        max = Math.max(max, v);
      }
      double z = 0;
      for (double v : p) {
        z += Math.exp(v - max);
      }
      for (int i = 0; i < p.length; i++) {
        out[i] = p[i] - max - Math.log(z);
      }
    } else {
      double sum = 0;
      for (double v : p) {
        sum += v;
      }
      for (int i = 0; i < p.length; i++) {
        out[i] = Math.log(clip(p[i] / sum, EPS, 1 - EPS));
      }
    }
    return out;
  }

  static RowLoss cce(boolean logits, double smoothing) {
    return (t, p) -> {
      double[] lp = logProbs(p, logits);
      double s = 0;
      for (int i = 0; i < t.length; i++) {
        s -= (t[i] * (1 - smoothing) + smoothing / t.length) * lp[i];
      }
      return s;
    };
  }

  static RowLoss mse() {
    return (t, p) -> mean(t, p, (a, b) -> (a - b) * (a - b));
  }

  static RowLoss mae() {
    return (t, p) -> mean(t, p, (a, b) -> Math.abs(a - b));
  }

  static RowLoss mape() {
    return (t, p) -> 100 * mean(t, p, (a, b) -> Math.abs((a - b) / Math.max(Math.abs(a), EPS)));
  }

  static RowLoss msle() {
    return (t, p) -> mean(t, p, (a, b) -> {
      double d = Math.log(Math.max(b, EPS) + 1) - Math.log(Math.max(a, EPS) + 1);
      return d * d;
    });
  }

  static RowLoss huber(double delta) {
    return (t, p) -> mean(t, p, (a, b) -> {
      double e = Math.abs(b - a);
      return e <= delta ? 0.5 * e * e : delta * e - 0.5 * delta * delta;
    });
  }

  static RowLoss logCosh() {
    return (t, p) -> mean(t, p, (a, b) -> Math.log(Math.cosh(b - a)));
  }

  static boolean binary(double[][] labels) {
    for (double[] row : labels) {
      for (double v : row) {
        if (v != 0 && v != 1) {
          return false;
        }
      }
    }
    return true;
  }

  static RowLoss hinge(boolean convert, boolean squared) {
    return (t, p) -> mean(t, p, (a, b) -> {
      double y = convert ? 2 * a - 1 : a;
      double h = Math.max(1 - y * b, 0);
      return squared ? h * h : h;
    });
  }

  static RowLoss categoricalHinge() {
    return (t, p) -> {
      double pos = 0;
      double neg = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < t.length; i++) {
        pos += t[i] * p[i];
        neg = Math.max(neg, (1 - t[i]) * p[i]);
      }
      return Math.max(neg - pos + 1, 0);
    };
  }

  static RowLoss kld() {
    return (t, p) -> {
      double s = 0;
      for (int i = 0; i < t.length; i++) {
        double a = clip(t[i], EPS, 1);
        s += a * Math.log(a / clip(p[i], EPS, 1));
      }
      return s;
    };
  }

  static RowLoss poisson() {
    return (t, p) -> mean(t, p, (a, b) -> b - a * Math.log(b + EPS));
  }

  static RowLoss cosine() {
    return (t, p) -> {
      double dot = 0;
      double nt = 0;
      double np = 0;
      for (int i = 0; i < t.length; i++) {
        dot += t[i] * p[i];
        nt += t[i] * t[i];
        np += p[i] * p[i];
      }
      return -dot / (Math.max(Math.sqrt(nt), EPS) * Math.max(Math.sqrt(np), EPS));
    };
  }

  private interface Elem {
    double apply(double t, double p);
  }

  private static double mean(double[] t, double[] p, Elem f) {
    double s = 0;
    for (int i = 0; i < t.length; i++) {
      s += f.apply(t[i], p[i]);
    }
    return s / t.length;
  }
}
