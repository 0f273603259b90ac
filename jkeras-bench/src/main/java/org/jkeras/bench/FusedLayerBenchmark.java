package org.jkeras.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jkeras.activations.Activations;
import org.jkeras.backend.FusedActivation;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.ConvOps;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;

/**
 * Bias and activation fused into the GEMM's pass against the same layer as separate ops (product,
 * add, activation), on the layers of the {@code cnn} and {@code mlp} models at their batch
 * sizes: milliseconds per forward pass and per training step (forward and backward). The two
 * variants alternate in one JVM, round after round, so background load hits both alike; it
 * prints the median and range over the rounds. {@code bin/jkeras-bench fused}.
 */
public final class FusedLayerBenchmark {
  private static final int ROUNDS = 9;

  private FusedLayerBenchmark() {}

  /** One layer: its input shape, kernel shape and activation; conv when the kernel has rank 4. */
  private record Case(String name, int[] input, int[] kernel, FusedActivation act,
      boolean inputGradient) {}

  public static void main(String[] args) {
    List<Case> cases = List.of(
        new Case("cnn conv2d 28x28x1->32 3x3 relu, batch 64", new int[] {64, 28, 28, 1},
            new int[] {3, 3, 1, 32}, FusedActivation.RELU, false),
        new Case("cnn conv2d 13x13x32->64 3x3 relu, batch 64", new int[] {64, 13, 13, 32},
            new int[] {3, 3, 32, 64}, FusedActivation.RELU, true),
        new Case("cnn dense 1600->10 softmax, batch 64", new int[] {64, 1600},
            new int[] {1600, 10}, FusedActivation.SOFTMAX, true),
        new Case("mlp dense 784->64 relu, batch 32", new int[] {32, 784}, new int[] {784, 64},
            FusedActivation.RELU, false),
        new Case("mlp dense 64->64 relu, batch 32", new int[] {32, 64}, new int[] {64, 64},
            FusedActivation.RELU, true),
        new Case("mlp dense 64->10 softmax, batch 32", new int[] {32, 64}, new int[] {64, 10},
            FusedActivation.SOFTMAX, true));
    System.out.println("ms per call, median [min-max] of " + ROUNDS
        + " alternating rounds: separate ops -> fused");
    for (Case c : cases) {
      run(c);
    }
  }

  private static void run(Case c) {
    Tensor x = Tensor.randomUniform(Shape.of(c.input), -1f, 1f, 1);
    Tensor kernel = Tensor.randomUniform(Shape.of(c.kernel), -0.1f, 0.1f, 2);
    Tensor bias = Tensor.randomUniform(Shape.of(c.kernel[c.kernel.length - 1]), -0.1f, 0.1f, 3);
    boolean conv = c.kernel.length == 4;
    int[] one = {1, 1};
    Function<Tensor, Tensor> fused = in -> conv
        ? ConvOps.conv(in, kernel, bias, c.act, one, "valid", one)
        : LinalgOps.dense(in, kernel, bias, c.act);
    Function<Tensor, Tensor> separate = in -> {
      Tensor z = conv ? ConvOps.conv(in, kernel, one, "valid", one) : LinalgOps.matmul(in, kernel);
      return Activations.get(c.act.kerasName()).apply(MathOps.add(z, bias));
    };
    Tensor[] watched = c.inputGradient ? new Tensor[] {x, kernel, bias}
        : new Tensor[] {kernel, bias};
    Runnable[] infer = {() -> separate.apply(x), () -> fused.apply(x)};
    Runnable[] train = {() -> step(separate, x, watched), () -> step(fused, x, watched)};
    System.out.println(c.name);
    report("  forward      ", time(infer));
    report("  forward+back ", time(train));
  }

  private static void step(Function<Tensor, Tensor> f, Tensor x, Tensor[] watched) {
    try (GradientTape tape = new GradientTape()) {
      tape.watch(watched);
      Tensor y = f.apply(x);
      tape.gradient(y, Arrays.asList(watched), y);
    }
  }

  /**
   * Per variant, the milliseconds per call of each round (about 0.3 s a variant), after about a
   * second of warm-up each so the JIT has compiled both.
   */
  private static double[][] time(Runnable[] variants) {
    int reps = 1;
    for (Runnable v : variants) {
      int calls = 0;
      long t0 = System.nanoTime();
      while (System.nanoTime() - t0 < 1e9) {
        v.run();
        calls++;
      }
      reps = Math.max(reps, (int) (0.3 * calls));
    }
    double[][] ms = new double[variants.length][ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      for (int v = 0; v < variants.length; v++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
          variants[v].run();
        }
        ms[v][r] = (System.nanoTime() - t0) / 1e6 / reps;
      }
    }
    return ms;
  }

  private static void report(String label, double[][] ms) {
    double[] separate = sorted(ms[0]);
    double[] fused = sorted(ms[1]);
    System.out.printf(Locale.ROOT, "%s%.3f [%.3f-%.3f] -> %.3f [%.3f-%.3f]  (%.2fx)%n", label,
        median(separate), separate[0], separate[ROUNDS - 1], median(fused), fused[0],
        fused[ROUNDS - 1], median(separate) / median(fused));
  }

  private static double[] sorted(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s;
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }
}
