package org.jkeras.ops;

import java.util.function.DoubleUnaryOperator;
import org.jkeras.backend.CellActivation;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.Tensor;

/**
 * A straightforward float64 step-by-step recurrent loop, written from the Keras cell code and
 * independent of the fused kernels: the forward reference for {@link RecurrentOpsTest}.
 */
final class RecurrentReference {
  enum Cell { LSTM, GRU, SIMPLE_RNN }

  /** The flat output sequence followed by the flat final states. */
  record Result(double[] sequence, double[] h, double[] c) {}

  private RecurrentReference() {}

  static DoubleUnaryOperator fn(CellActivation a) {
    return switch (a) {
      case TANH -> Math::tanh;
      case SIGMOID -> v -> 1 / (1 + Math.exp(-v));
      case RELU -> v -> Math.max(0, v);
      case LINEAR -> v -> v;
      case HARD_SIGMOID -> v -> Math.min(1, Math.max(0, v / 6 + 0.5));
    };
  }

  /** Runs the cell; {@code c0} is used by LSTM only, {@code mask} may be null. */
  static Result run(Cell cell, Tensor x, Tensor h0, Tensor c0, Tensor w, Tensor u, Tensor bias,
      Tensor mask, RecurrentOptions o) {
    int nb = x.shape().dim(0);
    int nt = x.shape().dim(1);
    int nf = x.shape().dim(2);
    int nu = u.shape().dim(0);
    DoubleUnaryOperator act = fn(o.activation());
    DoubleUnaryOperator rec = fn(o.recurrentActivation());
    double[] seq = new double[nb * nt * nu];
    double[] hOut = new double[nb * nu];
    double[] cOut = new double[nb * nu];
    for (int b = 0; b < nb; b++) {
      double[] h = new double[nu];
      double[] c = new double[nu];
      for (int j = 0; j < nu; j++) {
        h[j] = h0 == null ? 0 : h0.getFloat(b, j);
        c[j] = c0 == null ? 0 : c0.getFloat(b, j);
      }
      for (int s = 0; s < nt; s++) {
        int t = o.goBackwards() ? nt - 1 - s : s;
        double[] xt = new double[nf];
        for (int f = 0; f < nf; f++) {
          xt[f] = x.getFloat(b, t, f);
        }
        double[] hn = new double[nu];
        double[] cn = new double[nu];
        switch (cell) {
          case LSTM -> lstmStep(xt, h, c, w, u, bias, act, rec, hn, cn);
          case GRU -> gruStep(xt, h, w, u, bias, o.resetAfter(), act, rec, hn);
          case SIMPLE_RNN -> {
            double[] z = affine(xt, w, 0, nu, bias == null ? null : row(bias, 0, 0, nu));
            addInPlace(z, affine(h, u, 0, nu, null));
            for (int j = 0; j < nu; j++) {
              hn[j] = act.applyAsDouble(z[j]);
            }
          }
        }
        boolean on = mask == null || mask.getFlat(b * nt + t) != 0;
        double[] out;
        if (on) {
          h = hn;
          c = cn;
          out = hn;
        } else {
          out = o.zeroOutputForMask() ? new double[nu] : h;
        }
        System.arraycopy(out, 0, seq, (b * nt + s) * nu, nu);
      }
      System.arraycopy(h, 0, hOut, b * nu, nu);
      System.arraycopy(c, 0, cOut, b * nu, nu);
    }
    return new Result(seq, hOut, cOut);
  }

  private static void lstmStep(double[] xt, double[] h, double[] c, Tensor w, Tensor u,
      Tensor bias, DoubleUnaryOperator act, DoubleUnaryOperator rec, double[] hn, double[] cn) {
    int nu = h.length;
    double[] z = affine(xt, w, 0, 4 * nu, bias == null ? null : row(bias, 0, 0, 4 * nu));
    addInPlace(z, affine(h, u, 0, 4 * nu, null));
    for (int j = 0; j < nu; j++) {
      double i = rec.applyAsDouble(z[j]);
      double f = rec.applyAsDouble(z[nu + j]);
      double g = act.applyAsDouble(z[2 * nu + j]);
      double og = rec.applyAsDouble(z[3 * nu + j]);
      cn[j] = f * c[j] + i * g;
      hn[j] = og * act.applyAsDouble(cn[j]);
    }
  }

  private static void gruStep(double[] xt, double[] h, Tensor w, Tensor u, Tensor bias,
      boolean resetAfter, DoubleUnaryOperator act, DoubleUnaryOperator rec, double[] hn) {
    int nu = h.length;
    double[] inBias = null;
    double[] recBias = null;
    if (bias != null) {
      inBias = resetAfter ? row(bias, 0, 0, 3 * nu) : row(bias, -1, 0, 3 * nu);
      recBias = resetAfter ? row(bias, 1, 0, 3 * nu) : null;
    }
    double[] mx = affine(xt, w, 0, 3 * nu, inBias);
    double[] mh = affine(h, u, 0, 3 * nu, recBias);
    double[] z = new double[nu];
    double[] r = new double[nu];
    for (int j = 0; j < nu; j++) {
      z[j] = rec.applyAsDouble(mx[j] + mh[j]);
      r[j] = rec.applyAsDouble(mx[nu + j] + mh[nu + j]);
    }
    double[] recH;
    if (resetAfter) {
      recH = new double[nu];
      for (int j = 0; j < nu; j++) {
        recH[j] = r[j] * mh[2 * nu + j];
      }
    } else {
      double[] rh = new double[nu];
      for (int j = 0; j < nu; j++) {
        rh[j] = r[j] * h[j];
      }
      recH = affine(rh, u, 2 * nu, nu, null);
    }
    for (int j = 0; j < nu; j++) {
      double hh = act.applyAsDouble(mx[2 * nu + j] + recH[j]);
      hn[j] = z[j] * h[j] + (1 - z[j]) * hh;
    }
  }

  /** {@code v @ m[:, col : col + n] + bias}. */
  private static double[] affine(double[] v, Tensor m, int col, int n, double[] bias) {
    double[] out = new double[n];
    for (int j = 0; j < n; j++) {
      double acc = bias == null ? 0 : bias[j];
      for (int k = 0; k < v.length; k++) {
        acc += v[k] * m.getFloat(k, col + j);
      }
      out[j] = acc;
    }
    return out;
  }

  /** Row {@code r} of a 2-D tensor, or (r = -1) a slice of a 1-D one. */
  private static double[] row(Tensor t, int r, int from, int n) {
    double[] out = new double[n];
    for (int j = 0; j < n; j++) {
      out[j] = r < 0 || t.rank() == 1 ? t.getFloat(from + j) : t.getFloat(r, from + j);
    }
    return out;
  }

  private static void addInPlace(double[] a, double[] b) {
    for (int j = 0; j < a.length; j++) {
      a[j] += b[j];
    }
  }
}
