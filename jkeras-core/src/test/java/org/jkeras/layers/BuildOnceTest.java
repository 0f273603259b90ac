package org.jkeras.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.MathOps;
import org.junit.jupiter.api.Test;

/** Threads making a layer's first eager call at the same moment build it once, with one weight. */
class BuildOnceTest {
  @Test
  void threadsCallingAnUnbuiltLayerAtOnceBuildItOnce() throws Exception {
    SlowBuild layer = new SlowBuild();
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          start.await();
          return layer.apply(Tensor.full(Shape.of(2, 3), 1f)).toFloatArray();
        }));
      }
      float[] first = results.get(0).get();
      for (Future<float[]> r : results) {
        assertArrayEquals(first, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, layer.builds.get(), "builds");
    assertEquals(1, layer.weights().size(), "weights");
  }

  /** Adds one weight in a build slow enough for other threads to arrive meanwhile. */
  private static final class SlowBuild extends Layer {
    final AtomicInteger builds = new AtomicInteger();
    private Tensor scale;

    @Override
    protected void build(List<Shape> inputShapes) {
      builds.incrementAndGet();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scale = addWeight("scale", Shape.of(3), Tensor.ones(3), true);
    }

    @Override
    protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
      return inputShapes;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
      return List.of(MathOps.multiply(inputs.get(0), scale));
    }
  }
}
