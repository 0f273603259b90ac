package org.jkeras.bench;

import org.jkeras.backend.cpu.CpuGemm;
import org.jkeras.backend.cpu.CpuThreads;
import org.jkeras.backend.cpu.Gemm;

/**
 * Kernel figures for the foundation: sgemm GFLOP/s on 1 and 2 threads (OpenBLAS and the Java
 * fallback), microseconds per call for the small recurrent-step shape, and ns/element for sigmoid
 * and tanh on 1M floats.
 */
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
    for (int threads = 1; threads <= 2; threads++) {
      CpuThreads.setMaxThreads(threads);
      unary(org.jkeras.backend.UnaryFunction.SIGMOID, threads);
      unary(org.jkeras.backend.UnaryFunction.TANH, threads);
    }
    unaryKernel(org.jkeras.backend.UnaryFunction.SIGMOID);
    unaryKernel(org.jkeras.backend.UnaryFunction.TANH);
    CpuThreads.setMaxThreads(Runtime.getRuntime().availableProcessors());
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

  static void unary(org.jkeras.backend.UnaryFunction fn, int threads) {
    int n = 1 << 20;
    org.jkeras.backend.Tensor x = org.jkeras.backend.Tensor.randomUniform(
        org.jkeras.backend.Shape.of(n), -8f, 8f, 1);
    var math = org.jkeras.backend.Backend.current().math();
    for (int i = 0; i < 200; i++) {
      math.unary(fn, x);
    }
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 50; i++) {
        math.unary(fn, x);
      }
      best = Math.min(best, (System.nanoTime() - t0) / 50.0 / n);
    }
    System.out.printf("%s op on 1M floats (new output each call), threads=%d: %.3f ns/element%n",
        fn.name().toLowerCase(java.util.Locale.ROOT), threads, best);
  }

  /** The kernel alone, into a reused output buffer: what the activation costs without allocation. */
  static void unaryKernel(org.jkeras.backend.UnaryFunction fn) {
    int n = 1 << 20;
    float[] in = org.jkeras.backend.SeededRandom.uniform(n, -8f, 8f, 1);
    float[] out = new float[n];
    boolean sigmoid = fn == org.jkeras.backend.UnaryFunction.SIGMOID;
    for (int i = 0; i < 300; i++) {
      run(sigmoid, in, out, n);
    }
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        run(sigmoid, in, out, n);
      }
      best = Math.min(best, (System.nanoTime() - t0) / 100.0 / n);
    }
    System.out.printf("%s kernel on 1M floats (reused output), 1 thread: %.3f ns/element%n",
        sigmoid ? "sigmoid" : "tanh", best);
  }

  private static void run(boolean sigmoid, float[] in, float[] out, int n) {
    if (sigmoid) {
      org.jkeras.backend.cpu.VectorMath.sigmoid(in, 0, out, 0, n);
    } else {
      org.jkeras.backend.cpu.VectorMath.tanh(in, 0, out, 0, n);
    }
  }
}
