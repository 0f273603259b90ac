package org.jkeras.bench;

/**
 * Entry point of the benchmark module: {@code bin/jkeras-bench [kernels|lstm|all]} (default all)
 * prints the kernel figures (sgemm, sigmoid, tanh) and the fused LSTM step time;
 * {@code bin/jkeras-bench models [seed] [mlp] [cnn] [--samples N] [--no-torch]} runs the three
 * reference models side by side with PyTorch ({@link SideBySide}); {@code memory} trains the seed
 * model for 10 epochs and checks that heap and RSS stay flat ({@link MemoryCheck});
 * {@code overhead} measures jkeras's fixed cost per training step ({@link OverheadCheck});
 * {@code soak [--minutes N]} trains and predicts in a loop watching memory ({@link Soak});
 * {@code fused} times Dense and Conv2D with bias and activation fused against separate ops
 * ({@link FusedLayerBenchmark}).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    if (which.equals("models")) {
      SideBySide.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (which.equals("memory")) {
      MemoryCheck.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (which.equals("overhead")) {
      OverheadCheck.main(new String[0]);
      return;
    }
    if (which.equals("soak")) {
      Soak.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (which.equals("fused")) {
      FusedLayerBenchmark.main(new String[0]);
      return;
    }
    if (which.equals("kernels") || which.equals("all")) {
      KernelBenchmarks.main(new String[0]);
    }
    if (which.equals("lstm") || which.equals("all")) {
      LstmBenchmark.main(new String[0]);
    }
  }
}
