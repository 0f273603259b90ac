package org.jkeras.backend.cpu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jkeras.backend.cpu.CpuThreads.RangeTask;

/**
 * The threads that run the chunks of {@link CpuThreads}'s parallel sections. Between sections a
 * worker spins a short while before it parks, and so does a caller waiting for its workers: a
 * training step runs its sections nearly back to back, and waking a parked thread costs tens of
 * microseconds, up to a millisecond on a virtual machine whose core went idle meanwhile (measured
 * as a quarter of the parallel time of a recurrent model's step).
 *
 * <p>A chunk a worker has not started when the caller is done with its own is run by the caller
 * (see {@link Worker}). One section at a time: a caller that finds the workers busy with
 * another thread's section is told so and uses the fork-join pool instead. (Sections nested in a
 * chunk run inline, see {@link CpuThreads#chunkCount}.)
 */
final class SpinningWorkers {
  /**
   * How long an idle worker, or a waiting caller, spins before it parks. The system property
   * {@code jkeras.spinMicros} sets it; 0 parks at once.
   */
  static final long SPIN_NANOS = Math.max(0, Long.getLong("jkeras.spinMicros", 1000)) * 1000;

  /**
   * After this long a spinning thread also yields at each look at the clock, so that other
   * runnable threads (the JIT compiler, the garbage collector, the one it waits for) are not kept
   * off a core by a wait.
   */
  private static final long YIELD_AFTER_NANOS = 20_000;

  /** Spin-wait iterations between two looks at the clock. */
  private static final int SPINS_PER_CLOCK_READ = 64;

  private final Worker[] workers;
  private final AtomicBoolean busy = new AtomicBoolean();

  SpinningWorkers(int count) {
    this(count, true);
  }

  /** With {@code start} false the workers never run, so the caller takes every chunk back. */
  SpinningWorkers(int count, boolean start) {
    workers = new Worker[count];
    for (int w = 0; w < count; w++) {
      workers[w] = new Worker(w);
      if (start) {
        workers[w].start();
      }
    }
  }

  /** Whether {@code thread} is one of these workers (their sections' chunks must not fork). */
  static boolean isWorker(Thread thread) {
    return thread instanceof Worker;
  }

  /**
   * Runs chunk {@code c} of {@code task} over {@code [bounds[c], bounds[c + 1])} for every
   * {@code c < chunks}, the first on the calling thread and the others on workers, and returns
   * once all have ended; false, with nothing run, when the workers are busy or too few. The first
   * failure (the calling thread's first) is rethrown after every chunk has ended.
   */
  boolean run(int[] bounds, int chunks, RangeTask task) {
    if (chunks - 1 > workers.length || !busy.compareAndSet(false, true)) {
      return false;
    }
    try {
      for (int c = 1; c < chunks; c++) {
        if (bounds[c] < bounds[c + 1]) {
          workers[c - 1].assign(task, bounds[c], bounds[c + 1]);
        }
      }
      Throwable failure =
          bounds[0] < bounds[1] ? CpuThreads.runCaught(task, bounds[0], bounds[1]) : null;
      for (int c = 1; c < chunks; c++) {
        if (bounds[c] < bounds[c + 1]) {
          Throwable f = workers[c - 1].awaitEnd();
          if (failure == null) {
            failure = f;
          }
        }
      }
      CpuThreads.rethrow(failure);
      return true;
    } finally {
      busy.set(false);
    }
  }

  /** Spins until {@code done} holds or the spin time has passed; whether it holds. */
  private static boolean spinUntil(java.util.function.BooleanSupplier done) {
    long start = System.nanoTime();
    for (int spins = 1; ; spins++) {
      if (done.getAsBoolean()) {
        return true;
      }
      if (spins % SPINS_PER_CLOCK_READ == 0) {
        long waited = System.nanoTime() - start;
        if (waited >= SPIN_NANOS) {
          return false;
        }
        if (waited >= YIELD_AFTER_NANOS) {
          Thread.yield();
        }
      }
      Thread.onSpinWait();
    }
  }

  /**
   * One worker and the chunk handed to it. The chunk is claimed once, by the worker or, when the
   * worker has not started it by the time the caller is done with its own, by the caller: a worker
   * kept off its core (by the JIT compiler, the garbage collector, another process) then costs the
   * caller no wait.
   */
  private static final class Worker extends Thread {
    private static final int UNCLAIMED = 0;
    private static final int RUNNING = 1;
    private static final int ENDED = 2;
    private static final int TAKEN_BACK = 3;
    private static final VarHandle CLAIM;

    static {
      try {
        CLAIM = MethodHandles.lookup().findVarHandle(Worker.class, "claim", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    /** The assigned chunk's state; ENDED (or TAKEN_BACK) when there is none to run. */
    private volatile int claim = ENDED;
    /** Set before the parking worker looks at {@link #claim} a last time. */
    private volatile boolean parked;
    /** The caller, while it is parked waiting for this chunk. */
    private volatile Thread waiter;
    // Written before claim is set UNCLAIMED, read after a claim (the volatile accesses publish
    // them).
    private RangeTask task;
    private int lo;
    private int hi;
    // Written before claim is set ENDED, read after it is seen so.
    private Throwable failure;

    Worker(int index) {
      super("jkeras-cpu-" + index);
      setDaemon(true);
    }

    void assign(RangeTask chunkTask, int start, int end) {
      task = chunkTask;
      lo = start;
      hi = end;
      claim = UNCLAIMED;
      if (parked) {
        LockSupport.unpark(this);
      }
    }

    /**
     * Waits for the assigned chunk to end, running it here if the worker has not claimed it;
     * what it threw, or null.
     */
    Throwable awaitEnd() {
      if (CLAIM.compareAndSet(this, UNCLAIMED, TAKEN_BACK)) {
        RangeTask t = task;
        task = null;
        return CpuThreads.runCaught(t, lo, hi);
      }
      if (!spinUntil(() -> claim == ENDED)) {
        waiter = Thread.currentThread();
        while (claim != ENDED) {
          LockSupport.park(this);
        }
        waiter = null;
      }
      return failure;
    }

    @Override
    public void run() {
      while (true) {
        awaitChunk();
        if (!CLAIM.compareAndSet(this, UNCLAIMED, RUNNING)) {
          continue;
        }
        failure = CpuThreads.runCaught(task, lo, hi);
        // Not kept reachable from a thread that lives as long as the JVM.
        task = null;
        claim = ENDED;
        Thread w = waiter;
        if (w != null) {
          LockSupport.unpark(w);
        }
      }
    }

    /** Returns when a chunk may be unclaimed: spinning first, then parked. */
    private void awaitChunk() {
      while (!spinUntil(() -> claim == UNCLAIMED)) {
        parked = true;
        if (claim != UNCLAIMED) {
          LockSupport.park(this);
        }
        parked = false;
      }
    }
  }
}
