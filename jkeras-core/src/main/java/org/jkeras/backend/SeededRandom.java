package org.jkeras.backend;

import java.util.SplittableRandom;

/** Deterministic random numbers: the same seed gives the same values on every run and JVM. */
public final class SeededRandom {
  private SeededRandom() {}

  public static float[] normal(int n, float mean, float stddev, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      out[k] = (float) (mean + stddev * r.nextGaussian());
    }
    return out;
  }

  public static float[] uniform(int n, float min, float max, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] out = new float[n];
    float range = max - min;
    for (int k = 0; k < n; k++) {
      out[k] = min + range * (float) r.nextDouble();
    }
    return out;
  }

  /** Normal values redrawn until they lie within two standard deviations, as Keras's truncated normal. */
  public static float[] truncatedNormal(int n, float mean, float stddev, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      double g;
      do {
        g = r.nextGaussian();
      } while (Math.abs(g) > 2.0);
      out[k] = (float) (mean + stddev * g);
    }
    return out;
  }

  /**
   * A {@code rows x cols} matrix with orthonormal rows or columns (whichever are fewer), times
   * {@code gain}: the Q of a QR decomposition of a normal matrix, signs fixed by R's diagonal,
   * as Keras's Orthogonal initializer does.
   */
  public static float[] orthogonal(int rows, int cols, float gain, long seed) {
    boolean transpose = rows < cols;
    int n = transpose ? cols : rows; // long side
    int m = transpose ? rows : cols; // short side
    float[] g = normal(n * m, 0f, 1f, seed);
    double[][] v = new double[m][n]; // m column vectors of length n
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        v[j][i] = g[i * m + j];
      }
    }
    // Modified Gram-Schmidt; each column keeps the sign of R's diagonal (positive by construction).
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < j; k++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += v[j][i] * v[k][i];
        }
        for (int i = 0; i < n; i++) {
          v[j][i] -= dot * v[k][i];
        }
      }
      double norm = 0;
      for (int i = 0; i < n; i++) {
        norm += v[j][i] * v[j][i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < n; i++) {
        v[j][i] /= norm;
      }
    }
    float[] out = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r * cols + c] = gain * (float) (transpose ? v[r][c] : v[c][r]);
      }
    }
    return out;
  }
}
