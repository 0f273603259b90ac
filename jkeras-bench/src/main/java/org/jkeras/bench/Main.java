package org.jkeras.bench;

/** Entry point of the benchmark module; the benchmarks themselves are added per issue. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    KernelBenchmarks.main(args);
  }
}
