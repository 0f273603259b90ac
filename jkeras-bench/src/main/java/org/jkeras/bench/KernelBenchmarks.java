package org.jkeras.bench;

import org.jkeras.backend.cpu.CpuGemm;
import org.jkeras.backend.cpu.CpuThreads;
import org.jkeras.backend.cpu.Gemm;

/** Kernel figures: sgemm GFLOP/s on 1 and 2 threads. */
public final class KernelBenchmarks {
  private KernelBenchmarks() {}

  public static void main(String[] args) {
    System.out.println("GEMM: " + CpuGemm.get().description());
    int[][] shapes = {{8960, 256, 256}, {32, 64, 256}, {1024, 1024, 1024}};
    for (int threads = 1; threads <= 2; threads++) {
      CpuThreads.setMaxThreads(threads);
      for (int[] s : shapes) {
        sgemm(CpuGemm.get(), s[0], s[1], s[2], threads);
      }
    }
    Gemm fallback = new org.jkeras.backend.cpu.ParallelGemm(new org.jkeras.backend.cpu.VectorGemm());
    System.out.println("Fallback GEMM: " + fallback.description());
    for (int threads = 1; threads <= 2; threads++) {
      CpuThreads.setMaxThreads(threads);
      for (int[] s : shapes) {
        sgemm(fallback, s[0], s[1], s[2], threads);
      }
    }
  }

  static void sgemm(Gemm gemm, int m, int k, int n, int threads) {
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    float[] c = new float[m * n];
    java.util.Arrays.fill(a, 0.5f);
    java.util.Arrays.fill(b, 0.25f);
    double flops = 2.0 * m * n * k;
    int reps = (int) Math.max(3, Math.min(2000, 2e10 / flops));
    for (int i = 0; i < reps; i++) {
      gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
    }
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < reps; i++) {
        gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
      }
      best = Math.min(best, (System.nanoTime() - t0) / 1e9 / reps);
    }
    System.out.printf("sgemm (M,K,N)=(%d,%d,%d) threads=%d: %.1f GFLOP/s, %.2f us/call%n",
        m, k, n, threads, flops / best / 1e9, best * 1e6);
  }
}
