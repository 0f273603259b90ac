package org.jkeras.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.regularizers.L1;
import org.junit.jupiter.api.Test;

/**
 * Threads calling one layer at once each read the activity loss of their own last call: the
 * losses of a call are kept per thread, and no call's loss is lost or seen by another thread.
 */
class ActivityLossesPerThreadTest {
  @Test
  void eachThreadReadsTheLossOfItsOwnCall() throws Exception {
    Dense dense = new Dense(4).kernelInitializer("ones").useBias(false)
        .activityRegularizer(new L1(1.0));
    dense.apply(Tensor.full(Shape.of(1, 3), 0f));
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        float value = t + 1;
        futures.add(pool.submit(() -> {
          start.await();
          for (int iter = 0; iter < 200; iter++) {
            // Each output is 3 * value, 4 of them per row, 2 rows: the L1 penalty is 24 * value.
            dense.apply(Tensor.full(Shape.of(2, 3), value));
            List<Tensor> losses = dense.losses();
            assertEquals(1, losses.size(), "thread " + value + ", call " + iter);
            assertEquals(24f * value, losses.get(0).item(), 1e-4f,
                "thread " + value + ", call " + iter);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
