package org.jkeras.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * Few rows go to the unpacked tiles (where this machine has them), more rows and transposed
 * operands to the packed GEMM; either way C is the product.
 */
class FewRowsGemmTest {
  private static final int COLS = 2 * FloatVector.SPECIES_PREFERRED.length();

  @Test
  void fewRowsSkipThePackedGemmWhereTheTilesRun() {
    CountingGemm packed = new CountingGemm();
    int m = FewRowsGemm.FEW_ROWS;
    multiplyAndCheck(new FewRowsGemm(packed), m, 2 * COLS, 9, false);
    assertEquals(StepGemm.TILES_BY_DEFAULT ? 0 : m * 2 * COLS, packed.elements);
  }

  @Test
  void moreRowsAndTransposesGoToThePackedGemm() {
    CountingGemm packed = new CountingGemm();
    int m = FewRowsGemm.FEW_ROWS + 1;
    multiplyAndCheck(new FewRowsGemm(packed), m, COLS, 9, false);
    assertEquals(m * COLS, packed.elements);
    multiplyAndCheck(new FewRowsGemm(packed), 8, COLS, 9, true);
    assertEquals(m * COLS + 8 * COLS, packed.elements);
  }

  /** {@code C = A @ op(B)} with B stored transposed when asked, against a plain loop. */
  private static void multiplyAndCheck(Gemm gemm, int m, int n, int k, boolean transB) {
    SplittableRandom r = new SplittableRandom(m * 31L + n);
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextDouble(-1, 1);
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) r.nextDouble(-1, 1);
    }
    float[] c = new float[m * n];
    gemm.sgemm(false, transB, m, n, k, 1f, a, 0, k, b, 0, transB ? k : n, 0f, c, 0, n);
    float[] expected = new float[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
          sum += (double) a[i * k + p] * (transB ? b[j * k + p] : b[p * n + j]);
        }
        expected[i * n + j] = (float) sum;
      }
    }
    assertArrayEquals(expected, c, 1e-5f, m + "x" + n + "x" + k);
  }
}
