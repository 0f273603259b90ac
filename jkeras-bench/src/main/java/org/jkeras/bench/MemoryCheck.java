package org.jkeras.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.Callback;
import org.jkeras.models.Model;
import org.jkeras.trainers.FitOptions;

/**
 * {@code bin/jkeras-bench memory [--epochs N] [--samples N]}: trains the seed model for 10
 * epochs and shows whether memory stays flat. After every step it reads the heap left after the
 * most recent garbage collection (as the collector reported it; no collection is forced, so
 * the run is not disturbed) and the
 * process's resident set; at each epoch's end it prints both, and at the end a verdict: flat
 * when neither grows from the second epoch to the last by more than 5% (or 32 MB).
 */
final class MemoryCheck {
  private MemoryCheck() {}

  public static void main(String[] args) {
    int epochs = 10;
    int samples = BenchModel.SEED.samples;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
        case "--samples" -> samples = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("memory: unknown option " + args[i]
            + " (use --epochs N, --samples N)");
      }
    }
    List<Tensor> x = BenchModel.SEED.inputs(samples);
    Tensor y = BenchModel.SEED.labels(samples);
    Model model = BenchModel.SEED.build();
    Sampler sampler = new Sampler();
    System.out.printf("seed model, %d samples, batch %d, %d epochs, max heap %d MB%n", samples,
        BenchModel.SEED.batch, epochs, Runtime.getRuntime().maxMemory() >> 20);
    System.out.println("epoch  heap after GC (MB, max over the epoch's steps)  RSS (MB)  steps");
    model.fit(x, y, FitOptions.epochs(epochs).batchSize(BenchModel.SEED.batch).verbose(0)
        .callbacks(sampler));
    System.out.println(sampler.verdict());
  }

  /** Heap after the last GC and RSS, sampled after every step, summarised per epoch. */
  private static final class Sampler extends Callback {
    private final List<long[]> epochs = new ArrayList<>();
    private long heapMax;
    private long rssMax;
    private int steps;

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
      heapMax = Math.max(heapMax, heapAfterGcBytes());
      rssMax = Math.max(rssMax, ProcStatus.kb(ProcStatus.SELF, "VmRSS"));
      steps++;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      epochs.add(new long[] {heapMax >> 20, rssMax >> 10});
      System.out.printf("%5d  %46d  %8d  %5d%n", epoch + 1, heapMax >> 20, rssMax >> 10, steps);
      heapMax = 0;
      rssMax = 0;
      steps = 0;
    }

    String verdict() {
      if (epochs.size() < 3) {
        return "verdict: too few epochs to judge (run at least 3)";
      }
      long[] second = epochs.get(1);
      long[] last = epochs.get(epochs.size() - 1);
      boolean heapFlat = last[0] <= Math.max(second[0] * 1.05, second[0] + 32);
      boolean rssFlat = last[1] <= Math.max(second[1] * 1.05, second[1] + 32);
      return String.format("verdict: heap %s (%d -> %d MB), RSS %s (%d -> %d MB), epoch 2 -> %d",
          heapFlat ? "flat" : "GROWS", second[0], last[0], rssFlat ? "flat" : "GROWS", second[1],
          last[1], epochs.size());
    }
  }

  /** Heap in use right after the most recent collection (all heap pools), from GC events. */
  private static final AtomicLong HEAP_AFTER_GC = listenToCollections();

  static long heapAfterGcBytes() {
    return HEAP_AFTER_GC.get();
  }

  /**
   * Follows every collection's report of the heap it left. The memory pools' own "usage after
   * collection" is not enough: with G1, the old generation's figure changes only when the old
   * generation itself is collected, which a steady run may never need.
   */
  private static AtomicLong listenToCollections() {
    AtomicLong after = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((n, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
              n.getType())) {
            GcInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) n.getUserData()).getGcInfo();
            long used = 0;
            for (Map.Entry<String, MemoryUsage> e : info.getMemoryUsageAfterGc().entrySet()) {
              if (isHeap(e.getKey())) {
                used += e.getValue().getUsed();
              }
            }
            after.set(used);
          }
        }, null, null);
      }
    }
    return after;
  }

  private static boolean isHeap(String poolName) {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals(poolName)) {
        return pool.getType() == MemoryType.HEAP;
      }
    }
    return false;
  }

}
