package org.jkeras.backend.cpu;

import org.jkeras.backend.ArrayKernels;
import org.jkeras.backend.Backend;
import org.jkeras.backend.ConvKernels;
import org.jkeras.backend.LinalgKernels;
import org.jkeras.backend.MathKernels;
import org.jkeras.backend.RecurrentKernels;

/** The CPU backend: OpenBLAS GEMM, Vector API kernels, one thread pool. */
public final class CpuBackend implements Backend {
  public static final CpuBackend INSTANCE = new CpuBackend();

  private final MathKernels math = new CpuMath();
  private final ArrayKernels arrays = new CpuArrays();
  private final LinalgKernels linalg = new CpuLinalg();
  private final ConvKernels conv = new CpuConv();
  private final RecurrentKernels recurrent = new CpuRecurrent();

  private CpuBackend() {}

  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public MathKernels math() {
    return math;
  }

  @Override
  public ArrayKernels arrays() {
    return arrays;
  }

  @Override
  public LinalgKernels linalg() {
    return linalg;
  }

  @Override
  public ConvKernels conv() {
    return conv;
  }

  @Override
  public RecurrentKernels recurrent() {
    return recurrent;
  }

  @Override
  public void onEachThread(Runnable worker) {
    CpuThreads.parallelFor(CpuThreads.maxThreads(), CpuThreads.MIN_WORK_PER_THREAD, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        worker.run();
      }
    });
  }
}
