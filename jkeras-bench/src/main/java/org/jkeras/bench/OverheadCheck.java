package org.jkeras.bench;

import java.util.Arrays;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.models.Model;

/**
 * {@code bin/jkeras-bench overhead}: how much of a training step is jkeras itself (graph walk,
 * tape, loss and metrics, optimizer bookkeeping, the loop) rather than arithmetic. It times the
 * benchmark's MLP (784-64-64-10, batch 32) and the same three-layer model shrunk to width 2 at
 * batch 1, whose arithmetic is negligible: the small model's step time is the fixed per-step
 * overhead, shown next to the MLP's step.
 */
final class OverheadCheck {
  private static final int WARMUP = 2000;
  private static final int CHUNKS = 20;
  private static final int CHUNK = 200;

  private OverheadCheck() {}

  public static void main(String[] args) {
    Model tiny = BenchModel.mlp(2, 2, 2);
    Tensor tx = Tensor.randomNormal(Shape.of(1, 2), 0f, 1f, 5);
    Tensor ty = Tensor.wrap(new float[] {0f, 1f}, Shape.of(1, 2));
    Model mlp = BenchModel.MLP.build();
    Tensor mx = BenchModel.MLP.inputs(BenchModel.MLP.batch).get(0);
    Tensor my = BenchModel.MLP.labels(BenchModel.MLP.batch);

    // Each measured twice, interleaved, keeping the faster: JIT warm-up and a busy machine
    // otherwise favour whichever runs last.
    double tinyTrain = Double.MAX_VALUE;
    double tinyPredict = Double.MAX_VALUE;
    double mlpTrain = Double.MAX_VALUE;
    double mlpPredict = Double.MAX_VALUE;
    for (int round = 0; round < 2; round++) {
      tinyTrain = Math.min(tinyTrain, stepMicros(() -> tiny.trainOnBatch(tx, ty)));
      tinyPredict = Math.min(tinyPredict, stepMicros(() -> tiny.predictOnBatch(tx)));
      mlpTrain = Math.min(mlpTrain, stepMicros(() -> mlp.trainOnBatch(mx, my)));
      mlpPredict = Math.min(mlpPredict, stepMicros(() -> mlp.predictOnBatch(mx)));
    }
    System.out.println("per-step time, median of " + CHUNKS + " chunks of " + CHUNK + " steps:");
    System.out.printf("  train step:   overhead (width-2 model, batch 1) %7.1f us, "
        + "MLP batch 32 %7.1f us -> overhead %4.1f%% of the MLP step%n", tinyTrain, mlpTrain,
        100 * tinyTrain / mlpTrain);
    System.out.printf("  predict step: overhead (width-2 model, batch 1) %7.1f us, "
        + "MLP batch 32 %7.1f us -> overhead %4.1f%% of the MLP step%n", tinyPredict, mlpPredict,
        100 * tinyPredict / mlpPredict);
  }

  private static double stepMicros(Runnable step) {
    for (int i = 0; i < WARMUP; i++) {
      step.run();
    }
    double[] chunks = new double[CHUNKS];
    for (int c = 0; c < CHUNKS; c++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < CHUNK; i++) {
        step.run();
      }
      chunks[c] = (System.nanoTime() - t0) / 1e3 / CHUNK;
    }
    Arrays.sort(chunks);
    return chunks[CHUNKS / 2];
  }
}
