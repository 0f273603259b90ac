package org.jkeras.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** OpenBLAS, the Vector API fallback and the parallel split all against a float64 reference. */
class GemmTest {
  @Test
  void openBlasLoadsWithTheChosenCoreType() {
    NativeOpenBlas blas = NativeOpenBlas.get();
    assertTrue(blas.isAvailable(), () -> "OpenBLAS failed to load: " + blas.failure());
    String expected = System.getProperty("jkeras.openblas.coretype",
        CpuFeatures.openBlasCoreType(CpuFeatures.flags()));
    assertEquals(expected.toLowerCase(), blas.coreName().toLowerCase());
  }

  @Test
  void coreTypeFollowsTheInstructionSet() {
    assertEquals("SkylakeX", CpuFeatures.openBlasCoreType(
        java.util.Set.of("avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl")));
    assertEquals("Cooperlake", CpuFeatures.openBlasCoreType(java.util.Set.of(
        "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512_bf16")));
    assertEquals("Haswell", CpuFeatures.openBlasCoreType(java.util.Set.of("avx", "avx2", "fma")));
    assertEquals("Prescott", CpuFeatures.openBlasCoreType(java.util.Set.of()));
  }

  @Test
  void fallsBackToTheJavaGemmWithAOneLineWarning() {
    var err = new java.io.ByteArrayOutputStream();
    Gemm g = CpuGemm.choose(NativeOpenBlas.unavailable("libopenblas.so.0: cannot open"),
        new java.io.PrintStream(err, true));
    assertTrue(g instanceof VectorGemm);
    assertEquals("jkeras: WARNING: OpenBLAS could not be loaded (libopenblas.so.0: cannot open);"
        + " using the slower pure-Java Vector API GEMM.\n", err.toString());
    assertTrue(CpuGemm.choose(NativeOpenBlas.get(), System.err) instanceof OpenBlasGemm);
  }

  @ParameterizedTest
  @CsvSource({
    "false,false,1,1,1", "false,false,7,5,3", "true,false,13,33,17", "false,true,6,64,300",
    "true,true,31,47,29", "false,false,64,257,513", "true,false,100,1,40", "false,true,1,100,9",
    "false,false,300,200,100"
  })
  void allImplementationsMatchAFloat64Reference(
      boolean ta, boolean tb, int m, int n, int k) {
    SplittableRandom r = new SplittableRandom(m * 31L + n * 7L + k);
    int pad = 3;
    int lda = (ta ? m : k) + pad;
    int ldb = (tb ? k : n) + pad;
    int ldc = n + pad;
    int off = 5;
    float[] a = random(r, off + (ta ? k : m) * lda);
    float[] b = random(r, off + (tb ? n : k) * ldb);
    float[] c0 = random(r, off + m * ldc);
    float alpha = 0.75f;
    float beta = 0.5f;
    double[] expected = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          double av = ta ? a[off + p * lda + i] : a[off + i * lda + p];
          double bv = tb ? b[off + j * ldb + p] : b[off + p * ldb + j];
          s += av * bv;
        }
        expected[i * n + j] = alpha * s + beta * c0[off + i * ldc + j];
      }
    }
    Gemm[] gemms = {
      new OpenBlasGemm(NativeOpenBlas.get()), new VectorGemm(), new ParallelGemm(new VectorGemm()),
      CpuGemm.get()
    };
    for (Gemm g : gemms) {
      float[] c = c0.clone();
      g.sgemm(ta, tb, m, n, k, alpha, a, off, lda, b, off, ldb, beta, c, off, ldc);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double e = expected[i * n + j];
          assertEquals(e, c[off + i * ldc + j], 1e-4 * Math.sqrt(k) * (1 + Math.abs(e)),
              g.description() + " at (" + i + "," + j + ")");
        }
        for (int j = n; j < ldc && off + i * ldc + j < c.length; j++) {
          assertEquals(c0[off + i * ldc + j], c[off + i * ldc + j], g.description()
              + " wrote outside C at row " + i);
        }
      }
      for (int x = 0; x < off; x++) {
        assertEquals(c0[x], c[x], g.description() + " wrote before the offset");
      }
    }
  }

  @Test
  void fallbackEqualsOpenBlasOnALargeProblem() {
    SplittableRandom r = new SplittableRandom(9);
    int m = 512;
    int n = 384;
    int k = 256;
    float[] a = random(r, m * k);
    float[] b = random(r, k * n);
    float[] c1 = new float[m * n];
    float[] c2 = new float[m * n];
    new ParallelGemm(new OpenBlasGemm(NativeOpenBlas.get()))
        .sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c1, 0, n);
    new ParallelGemm(new VectorGemm()).sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c2,
        0, n);
    for (int i = 0; i < c1.length; i++) {
      assertEquals(c1[i], c2[i], 1e-4 * (1 + Math.abs(c1[i])));
    }
  }

  private static float[] random(SplittableRandom r, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextDouble(-1, 1);
    }
    return x;
  }
}
