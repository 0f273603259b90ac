package org.jkeras.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A^T @ B summed over many rows, split over threads by rows, equals the plain sum: into a
 * sub-block of a wider C, overwriting (beta 0) or adding (beta 1), for short and long sums.
 */
class SummedProductTest {
  @Test
  void matchesThePlainSum() {
    for (int k : new int[] {3, 5000}) {
      for (float beta : new float[] {0f, 1f}) {
        int m = 7;
        int n = 5;
        int lda = 9;
        int ldb = 6;
        int ldc = 8;
        SplittableRandom r = new SplittableRandom(k);
        float[] a = random(r, 2 + k * lda);
        float[] b = random(r, 1 + k * ldb);
        float[] c = random(r, 3 + m * ldc);
        float[] expected = c.clone();
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int p = 0; p < k; p++) {
              sum += (double) a[2 + p * lda + i] * b[1 + p * ldb + j];
            }
            expected[3 + i * ldc + j] = (float) (sum + beta * c[3 + i * ldc + j]);
          }
        }
        SummedProduct.compute(a, 2, lda, b, 1, ldb, k, m, n, beta, c, 3, ldc);
        for (int i = 0; i < c.length; i++) {
          assertEquals(expected[i], c[i], 1e-3f * (1 + Math.abs(expected[i])),
              "k " + k + ", beta " + beta + ", element " + i);
        }
      }
    }
  }

  private static float[] random(SplittableRandom r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextDouble(-1, 1);
    }
    return v;
  }
}
