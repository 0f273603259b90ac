package org.jkeras.backend.cpu;

/**
 * The GEMM jkeras uses: OpenBLAS when its native library loads, otherwise the Vector API kernel
 * (with a one-line warning), both split across {@link CpuThreads} when large; products with few
 * rows go to unpacked tiles instead ({@link FewRowsGemm}).
 */
public final class CpuGemm {
  private static final Gemm SINGLE_THREADED =
      new FewRowsGemm(choose(NativeOpenBlas.get(), System.err));
  private static final Gemm PARALLEL = new ParallelGemm(SINGLE_THREADED);

  private CpuGemm() {}

  /** The GEMM for general use: parallel when the problem is large. */
  public static Gemm get() {
    return PARALLEL;
  }

  /** The single-threaded GEMM, for kernels that already run inside a parallel loop. */
  public static Gemm singleThreaded() {
    return SINGLE_THREADED;
  }

  /** OpenBLAS when loaded, else the Java GEMM with a one-line warning (unless asked for). */
  static Gemm choose(NativeOpenBlas blas, java.io.PrintStream warnings) {
    if (blas.isAvailable()) {
      return new OpenBlasGemm(blas);
    }
    if (!"java".equals(System.getProperty("jkeras.gemm"))) {
      warnings.println("jkeras: WARNING: OpenBLAS could not be loaded (" + blas.failure()
          + "); using the slower pure-Java Vector API GEMM.");
    }
    return new VectorGemm();
  }
}
