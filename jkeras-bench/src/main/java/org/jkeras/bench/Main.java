package org.jkeras.bench;

/**
 * Entry point of the benchmark module: {@code bin/jkeras-bench [kernels|lstm|all]} (default all)
 * prints the kernel figures (sgemm, sigmoid, tanh) and the fused LSTM step time.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String which = args.length > 0 ? args[0] : "all";
    if (which.equals("kernels") || which.equals("all")) {
      KernelBenchmarks.main(new String[0]);
    }
    if (which.equals("lstm") || which.equals("all")) {
      LstmBenchmark.main(new String[0]);
    }
  }
}
