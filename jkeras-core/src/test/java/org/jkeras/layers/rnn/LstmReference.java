package org.jkeras.layers.rnn;

import org.jkeras.backend.Tensor;

/**
 * A float64 LSTM written from Keras's cell (tanh, sigmoid, gate order i, f, c, o), step by step
 * and independent of the fused kernels: the reference for the layer tests here. Handles initial
 * states, a mask (a masked step keeps the states and repeats the previous output, or outputs
 * zeros), and going backwards.
 */
final class LstmReference {
  /** The output sequence {@code (batch, time, units)} in processed order, and the final states. */
  record Result(double[] sequence, double[] h, double[] c) {}

  private LstmReference() {}

  static Result run(Tensor x, Tensor h0, Tensor c0, LSTM layer, boolean[][] mask,
      boolean goBackwards, boolean zeroOutput) {
    return run(x, h0, c0, layer.kernel(), layer.recurrentKernel(), layer.bias(), mask,
        goBackwards, zeroOutput);
  }

  static Result run(Tensor x, Tensor h0, Tensor c0, Tensor w, Tensor u, Tensor bias,
      boolean[][] mask, boolean goBackwards, boolean zeroOutput) {
    int nb = x.shape().dim(0);
    int nt = x.shape().dim(1);
    int nf = x.shape().dim(2);
    int nu = u.shape().dim(0);
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
        int t = goBackwards ? nt - 1 - s : s;
        boolean on = mask == null || mask[b][t];
        if (on) {
          double[] z = new double[4 * nu];
          for (int g = 0; g < 4 * nu; g++) {
            double acc = bias == null ? 0 : bias.getFloat(g);
            for (int f = 0; f < nf; f++) {
              acc += x.getFloat(b, t, f) * w.getFloat(f, g);
            }
            for (int k = 0; k < nu; k++) {
              acc += h[k] * u.getFloat(k, g);
            }
            z[g] = acc;
          }
          double[] hn = new double[nu];
          for (int j = 0; j < nu; j++) {
            double i = sigmoid(z[j]);
            double f = sigmoid(z[nu + j]);
            double g = Math.tanh(z[2 * nu + j]);
            double o = sigmoid(z[3 * nu + j]);
            c[j] = f * c[j] + i * g;
            hn[j] = o * Math.tanh(c[j]);
          }
          h = hn;
        }
        for (int j = 0; j < nu; j++) {
          seq[(b * nt + s) * nu + j] = !on && zeroOutput ? 0 : h[j];
        }
      }
      System.arraycopy(h, 0, hOut, b * nu, nu);
      System.arraycopy(c, 0, cOut, b * nu, nu);
    }
    return new Result(seq, hOut, cOut);
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  /** The last processed step of each row of a {@code (batch, time, units)} sequence. */
  static double[] last(double[] seq, int batch, int time, int units) {
    double[] out = new double[batch * units];
    for (int b = 0; b < batch; b++) {
      System.arraycopy(seq, (b * time + time - 1) * units, out, b * units, units);
    }
    return out;
  }
}
