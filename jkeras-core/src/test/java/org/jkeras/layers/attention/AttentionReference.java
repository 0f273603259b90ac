package org.jkeras.layers.attention;

import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Float64 loops for the attention layers, written from the papers' formulas. */
final class AttentionReference {
  private AttentionReference() {}

  static double[][] softmaxRows(double[][] s) {
    double[][] w = new double[s.length][];
    for (int i = 0; i < s.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : s[i]) {
        max = Math.max(max, v);
      }
      double sum = 0;
      w[i] = new double[s[i].length];
      for (int j = 0; j < s[i].length; j++) {
        w[i][j] = Math.exp(s[i][j] - max);
        sum += w[i][j];
      }
      for (int j = 0; j < s[i].length; j++) {
        w[i][j] /= sum;
      }
    }
    return w;
  }

  /**
   * Dot-product attention of one batch entry: {@code scale * q . k}, masked where {@code
   * mask[t][s]} is false (minus 1e9), softmax over s, weighted sum of v.
   */
  static double[][] attend(double[][] q, double[][] k, double[][] v, double scale,
      boolean[][] mask, double[][] weightsOut) {
    int t = q.length;
    int s = k.length;
    double[][] scores = new double[t][s];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < s; j++) {
        double dot = 0;
        for (int h = 0; h < q[i].length; h++) {
          dot += q[i][h] * k[j][h];
        }
        scores[i][j] = scale * dot - (mask != null && !mask[i][j] ? 1e9 : 0);
      }
    }
    double[][] w = softmaxRows(scores);
    double[][] out = new double[t][v[0].length];
    for (int i = 0; i < t; i++) {
      if (weightsOut != null) {
        weightsOut[i] = w[i];
      }
      for (int j = 0; j < s; j++) {
        for (int h = 0; h < v[0].length; h++) {
          out[i][h] += w[i][j] * v[j][h];
        }
      }
    }
    return out;
  }

  /** Row {@code b} of a {@code (batch, L, d)} tensor as a matrix. */
  static double[][] rows(Tensor x, int b) {
    int l = x.shape().dim(1);
    int d = x.shape().dim(2);
    double[][] m = new double[l][d];
    for (int i = 0; i < l; i++) {
      for (int j = 0; j < d; j++) {
        m[i][j] = x.getFloat(b, i, j);
      }
    }
    return m;
  }

  /** {@code x (L, dim)} times {@code kernel[:, head, :]} plus {@code bias[head, :]}. */
  static double[][] projectHead(double[][] x, Tensor kernel, Tensor bias, int head) {
    int width = kernel.shape().dim(2);
    double[][] y = new double[x.length][width];
    for (int i = 0; i < x.length; i++) {
      for (int h = 0; h < width; h++) {
        double acc = bias == null ? 0 : bias.getFloat(head, h);
        for (int d = 0; d < x[i].length; d++) {
          acc += x[i][d] * kernel.getFloat(d, head, h);
        }
        y[i][h] = acc;
      }
    }
    return y;
  }

  static Tensor tensor(double[] v, int... shape) {
    float[] f = new float[v.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) v[i];
    }
    return Tensor.wrap(f, Shape.of(shape));
  }

  /**
   * MultiHeadAttention for {@code (B, T, dq)}, {@code (B, S, dv)}, {@code (B, S, dk)} with a
   * per-batch mask {@code [b][t][s]} (or null) and one output dimension axis; fills {@code
   * scores[b][n][t][s]} when given.
   */
  static Tensor multiHead(MultiHeadAttention m, Tensor query, Tensor value, Tensor key,
      boolean[][][] mask, double[][][][] scores) {
    int batch = query.shape().dim(0);
    int t = query.shape().dim(1);
    Tensor ok = m.kernel("attention_output");
    Tensor ob = m.bias("attention_output");
    int out = ok.shape().dim(2);
    double[] y = new double[batch * t * out];
    for (int b = 0; b < batch; b++) {
      double[][] qx = rows(query, b);
      double[][] vx = rows(value, b);
      double[][] kx = rows(key, b);
      for (int i = 0; i < t; i++) {
        for (int o = 0; o < out; o++) {
          y[(b * t + i) * out + o] = ob == null ? 0 : ob.getFlat(o);
        }
      }
      for (int n = 0; n < m.numHeads(); n++) {
        double[][] q = projectHead(qx, m.kernel("query"), m.bias("query"), n);
        double[][] k = projectHead(kx, m.kernel("key"), m.bias("key"), n);
        double[][] v = projectHead(vx, m.kernel("value"), m.bias("value"), n);
        double[][] w = new double[t][];
        double[][] ctx = attend(q, k, v, 1 / Math.sqrt(m.keyDim()),
            mask == null ? null : mask[b], w);
        if (scores != null) {
          scores[b][n] = w;
        }
        for (int i = 0; i < t; i++) {
          for (int o = 0; o < out; o++) {
            double acc = 0;
            for (int h = 0; h < m.valueDim(); h++) {
              acc += ctx[i][h] * ok.getFloat(n, h, o);
            }
            y[(b * t + i) * out + o] += acc;
          }
        }
      }
    }
    return tensor(y, batch, t, out);
  }
}
