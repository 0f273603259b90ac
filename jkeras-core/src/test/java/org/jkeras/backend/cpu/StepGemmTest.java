package org.jkeras.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The recurrent step's unpacked tiles equal the plain product: into a sub-block of a wider C,
 * overwriting (beta 0) or adding (beta 1), with rows and columns beyond whole tiles, and only
 * those, handed to the fallback.
 */
class StepGemmTest {
  private static final int COLS = 2 * FloatVector.SPECIES_PREFERRED.length();

  @Test
  void tilesMatchThePlainProductAndLeaveOnlyTheEdgesToTheFallback() {
    for (int m : new int[] {1, 8, 17, 32}) {
      for (int n : new int[] {3, COLS, 2 * COLS + 5, 256}) {
        for (int k : new int[] {1, 64, 255}) {
          for (float beta : new float[] {0f, 1f}) {
            check(m, n, k, beta);
          }
        }
      }
    }
  }

  @Test
  void transposesAndOtherScalesGoToTheFallback() {
    CountingGemm fallback = new CountingGemm();
    float[] a = {1, 2, 3, 4};
    float[] b = {5, 6, 7, 8};
    float[] c = new float[4];
    StepGemm.tilesOver(fallback).sgemm(false, true, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
    assertArrayEquals(new float[] {17, 23, 39, 53}, c);
    StepGemm.tilesOver(fallback).sgemm(false, false, 2, 2, 2, 2f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
    assertArrayEquals(new float[] {38, 44, 86, 100}, c);
    assertEquals(8, fallback.elements);
  }

  @Test
  void transposeWritesBTransposed() {
    float[] b = {1, 2, 3, 4, 5, 6};
    assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, StepGemm.transpose(b, 2, 3));
  }

  private static void check(int m, int n, int k, float beta) {
    int lda = k + 3;
    int ldb = n + 2;
    int ldc = n + 7;
    SplittableRandom r = new SplittableRandom(31L * m + 7L * n + k);
    float[] a = random(r, 2 + m * lda);
    float[] b = random(r, 1 + k * ldb);
    float[] c = random(r, 5 + m * ldc);
    float[] expected = c.clone();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
          sum += (double) a[2 + i * lda + p] * b[1 + p * ldb + j];
        }
        expected[5 + i * ldc + j] = (float) (sum + beta * c[5 + i * ldc + j]);
      }
    }
    CountingGemm fallback = new CountingGemm();
    StepGemm.tilesOver(fallback).sgemm(false, false, m, n, k, 1f, a, 2, lda, b, 1, ldb, beta, c,
        5, ldc);
    String where = m + "x" + n + "x" + k + ", beta " + beta;
    for (int i = 0; i < c.length; i++) {
      assertEquals(expected[i], c[i], 1e-4f * (1 + Math.abs(expected[i])),
          where + ", element " + i);
    }
    int tiled = (m - m % 8) * (n - n % COLS);
    assertEquals(m * n - tiled, fallback.elements, where + ": elements left to the fallback");
  }

  private static float[] random(SplittableRandom r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextDouble(-1, 1);
    }
    return v;
  }
}
