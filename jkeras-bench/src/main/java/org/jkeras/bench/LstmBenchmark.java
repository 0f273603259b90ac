package org.jkeras.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.cpu.CpuGemm;
import org.jkeras.backend.cpu.CpuThreads;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.RecurrentOps;

/**
 * Milliseconds per fused LSTM step at the flagship model's size: batch 32, 280 timesteps, 256
 * features, 64 units. Prints the median of several runs after warm-up for inference (forward
 * only) and for training (forward + backward through time), with and without the inputs'
 * gradient (a model's raw inputs need none).
 */
public final class LstmBenchmark {
  private static final int BATCH = 32;
  private static final int TIME = 280;
  private static final int FEATURES = 256;
  private static final int UNITS = 64;

  private LstmBenchmark() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
    System.out.println("LSTM batch " + BATCH + ", time " + TIME + ", features " + FEATURES
        + ", units " + UNITS + "; GEMM: " + CpuGemm.get().description() + ", threads "
        + CpuThreads.maxThreads());
    Tensor x = Tensor.randomUniform(Shape.of(BATCH, TIME, FEATURES), -1f, 1f, 1);
    Tensor w = Tensor.randomUniform(Shape.of(FEATURES, 4 * UNITS), -0.1f, 0.1f, 2);
    Tensor u = Tensor.randomUniform(Shape.of(UNITS, 4 * UNITS), -0.1f, 0.1f, 3);
    Tensor b = Tensor.randomUniform(Shape.of(4 * UNITS), -0.1f, 0.1f, 4);
    Tensor seed = Tensor.ones(BATCH, UNITS);
    report("forward only (inference)", runs,
        () -> RecurrentOps.lstm(x, null, null, w, u, b).get(1));
    report("training step, forward + backward", runs, () -> train(x, w, u, b, seed, false));
    report("training step incl. inputs' gradient", runs, () -> train(x, w, u, b, seed, true));
  }

  /** Forward, then gradients of the last state (return_sequences=False) w.r.t. the weights. */
  private static Object train(Tensor x, Tensor w, Tensor u, Tensor b, Tensor seed,
      boolean inputsGradient) {
    try (GradientTape tape = new GradientTape()) {
      tape.watch(w, u, b);
      if (inputsGradient) {
        tape.watch(x);
      }
      Tensor h = RecurrentOps.lstm(x, null, null, w, u, b).get(1);
      List<Tensor> sources = inputsGradient ? List.of(x, w, u, b) : List.of(w, u, b);
      return tape.gradient(h, sources, seed);
    }
  }

  private static void report(String what, int runs, Supplier<Object> step) {
    // Warm up until the JIT has settled: at least 20 runs and 3 seconds.
    long warmEnd = System.nanoTime() + 3_000_000_000L;
    for (int i = 0; i < 20 || System.nanoTime() < warmEnd; i++) {
      step.get();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      step.get();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf("%-40s median %7.2f ms  (min %.2f, max %.2f, %d runs)%n", what,
        ms[runs / 2], ms[0], ms[runs - 1], runs);
  }
}
