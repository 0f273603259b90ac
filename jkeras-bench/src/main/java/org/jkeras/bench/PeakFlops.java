package org.jkeras.bench;

import java.util.concurrent.atomic.DoubleAdder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's peak fp32 rate, measured with a register-only FMA loop (Vector API, preferred
 * width, 8 independent accumulators to cover the FMA latency) on each of the given threads at
 * once. This is the ceiling the model figures are set against: no memory traffic at all.
 */
final class PeakFlops {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int CHAINS = 8;

  private PeakFlops() {}

  /** GFLOP/s over {@code threads} threads, best of a few ~0.2 s rounds after warm-up. */
  static double measure(int threads) throws InterruptedException {
    double best = 0;
    for (int round = 0; round < 4; round++) {
      long iterations = 20_000_000L;
      DoubleAdder flops = new DoubleAdder();
      DoubleAdder sink = new DoubleAdder();
      Thread[] ts = new Thread[threads];
      long t0 = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        ts[t] = new Thread(() -> {
          sink.add(loop(iterations));
          flops.add(2.0 * S.length() * CHAINS * iterations);
        });
        ts[t].start();
      }
      for (Thread t : ts) {
        t.join();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (round > 0) {
        best = Math.max(best, flops.sum() / seconds / 1e9);
      }
      if (sink.sum() == 42) {
        System.out.print("");
      }
    }
    return best;
  }

  private static float loop(long iterations) {
    FloatVector m = FloatVector.broadcast(S, 0.999999f);
    FloatVector c = FloatVector.broadcast(S, 1e-7f);
    FloatVector a0 = FloatVector.broadcast(S, 1f);
    FloatVector a1 = a0.add(c);
    FloatVector a2 = a1.add(c);
    FloatVector a3 = a2.add(c);
    FloatVector a4 = a3.add(c);
    FloatVector a5 = a4.add(c);
    FloatVector a6 = a5.add(c);
    FloatVector a7 = a6.add(c);
    for (long i = 0; i < iterations; i++) {
      a0 = a0.fma(m, c);
      a1 = a1.fma(m, c);
      a2 = a2.fma(m, c);
      a3 = a3.fma(m, c);
      a4 = a4.fma(m, c);
      a5 = a5.fma(m, c);
      a6 = a6.fma(m, c);
      a7 = a7.fma(m, c);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(
        jdk.incubator.vector.VectorOperators.ADD);
  }
}
