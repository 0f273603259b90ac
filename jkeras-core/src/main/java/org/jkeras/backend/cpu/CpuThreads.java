package org.jkeras.backend.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The one set of threads that runs jkeras's parallel CPU work ({@link SpinningWorkers}, with a
 * fork-join pool for sections that find them busy). OpenBLAS is kept single-threaded and large
 * GEMMs are split here instead, so no second pool's idle workers spin against ours.
 *
 * <p>The thread count defaults to the number of cores; the system property {@code jkeras.threads}
 * or {@link #setMaxThreads} lower it.
 */
public final class CpuThreads {
  /** Work below this many units (about one multiply-add each) per extra thread runs inline. */
  public static final long MIN_WORK_PER_THREAD = 32_768;

  private static final int CORES = Runtime.getRuntime().availableProcessors();
  private static volatile int maxThreads =
      Math.max(1, Math.min(CORES, Integer.getInteger("jkeras.threads", CORES)));
  /**
   * Set on a thread while it runs chunks of a section it started: a section nested in one of
   * them runs inline, as on a worker, rather than on the fork-join pool beside the busy workers.
   */
  private static final ThreadLocal<Boolean> IN_SECTION = ThreadLocal.withInitial(() -> false);
  /** For sections that find the spinning workers busy (concurrent callers). */
  private static final ForkJoinPool POOL =
      new ForkJoinPool(Math.max(1, CORES), CpuThreads::newWorker, null, false);

  private CpuThreads() {}

  /** A range of work items, {@code [start, end)}. */
  @FunctionalInterface
  public interface RangeTask {
    void run(int start, int end);
  }

  public static int maxThreads() {
    return maxThreads;
  }

  /** Sets how many threads parallel kernels may use (1 to the number of cores). */
  public static void setMaxThreads(int threads) {
    maxThreads = Math.max(1, Math.min(CORES, threads));
  }

  /**
   * Runs {@code task} over {@code [0, n)}, split into contiguous chunks across the pool when the
   * total work ({@code n * workPerItem}) is large enough to pay for it, otherwise inline.
   */
  public static void parallelFor(int n, long workPerItem, RangeTask task) {
    int chunks = chunkCount(n, workPerItem);
    if (chunks <= 1) {
      task.run(0, n);
      return;
    }
    parallelChunks(n, chunks, 1, task);
  }

  /** Like {@link #parallelFor} but chunk boundaries fall on multiples of {@code align}. */
  public static void parallelForAligned(int n, long workPerItem, int align, RangeTask task) {
    int chunks = chunkCount(n, workPerItem);
    if (chunks <= 1 || n < 2 * align) {
      task.run(0, n);
      return;
    }
    parallelChunks(n, chunks, align, task);
  }

  /** How many chunks {@link #parallelFor} would use for this much work. */
  public static int chunkCount(int n, long workPerItem) {
    int threads = maxThreads;
    Thread current = Thread.currentThread();
    if (threads <= 1 || n <= 1 || current instanceof JKerasWorker
        || SpinningWorkers.isWorker(current) || IN_SECTION.get()) {
      return 1;
    }
    long total = (long) n * Math.max(1, workPerItem);
    long byWork = total / MIN_WORK_PER_THREAD;
    return (int) Math.max(1, Math.min(Math.min(threads, n), byWork));
  }

  private static void parallelChunks(int n, int chunks, int align, RangeTask task) {
    int[] bounds = new int[chunks + 1];
    for (int c = 1; c < chunks; c++) {
      int b = (int) ((long) n * c / chunks);
      bounds[c] = Math.min(n, (b + align - 1) / align * align);
    }
    bounds[chunks] = n;
    IN_SECTION.set(true);
    try {
      runChunks(bounds, chunks, task);
    } finally {
      IN_SECTION.set(false);
    }
  }

  private static void runChunks(int[] bounds, int chunks, RangeTask task) {
    if (Team.WORKERS.run(bounds, chunks, task)) {
      return;
    }
    @SuppressWarnings("unchecked")
    ForkJoinTask<?>[] forked = new ForkJoinTask<?>[chunks];
    for (int c = 1; c < chunks; c++) {
      int lo = bounds[c];
      int hi = bounds[c + 1];
      if (lo < hi) {
        forked[c] = POOL.submit(() -> task.run(lo, hi));
      }
    }
    Throwable failure = bounds[0] < bounds[1] ? runCaught(task, bounds[0], bounds[1]) : null;
    for (int c = 1; c < chunks; c++) {
      if (forked[c] != null) {
        try {
          forked[c].join();
        } catch (RuntimeException | Error e) {
          if (failure == null) {
            failure = e;
          }
        }
      }
    }
    rethrow(failure);
  }

  /** Runs one chunk; what it threw, or null. */
  static Throwable runCaught(RangeTask task, int start, int end) {
    try {
      task.run(start, end);
      return null;
    } catch (RuntimeException | Error e) {
      return e;
    }
  }

  /** Throws a chunk's failure (unchecked, as chunks throw only those); nothing for null. */
  static void rethrow(Throwable failure) {
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error err) {
      throw err;
    }
  }

  /** Started on the first parallel section. */
  private static final class Team {
    static final SpinningWorkers WORKERS = new SpinningWorkers(Math.max(0, CORES - 1));
  }

  private static ForkJoinWorkerThread newWorker(ForkJoinPool pool) {
    return new JKerasWorker(pool);
  }

  /** Marks pool threads, so nested parallel loops run inline instead of waiting on themselves. */
  private static final class JKerasWorker extends ForkJoinWorkerThread {
    JKerasWorker(ForkJoinPool pool) {
      super(pool);
      setDaemon(true);
      setName("jkeras-cpu-fj-" + getPoolIndex());
    }
  }
}
