package org.jkeras.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every chunk of a section runs exactly once and has ended when the section returns, whether its
 * worker spins, is parked, or never gets to it (then the caller takes it back); failures reach
 * the caller; a busy team turns a second section away.
 */
// A lost wake-up or an unclaimed chunk hangs a section: fail instead of hanging the build.
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpinningWorkersTest {
  @Test
  void everyIndexRunsOnceWhetherWorkersSpinOrPark() throws InterruptedException {
    SpinningWorkers workers = new SpinningWorkers(3);
    for (int section = 0; section < 300; section++) {
      int n = 1 + section % 41;
      int chunks = 1 + section % 4;
      int[] counts = new int[n];
      assertTrue(workers.run(bounds(n, chunks), chunks, (lo, hi) -> {
        for (int i = lo; i < hi; i++) {
          counts[i]++;
        }
      }));
      for (int i = 0; i < n; i++) {
        assertEquals(1, counts[i], "section " + section + ", index " + i);
      }
      if (section % 60 == 59) {
        // Past the spin time: the next section has to wake parked workers.
        Thread.sleep(SpinningWorkers.SPIN_NANOS / 1_000_000 + 2);
      }
    }
  }

  @Test
  void theCallerRunsChunksNoWorkerStarted() {
    SpinningWorkers neverRunning = new SpinningWorkers(2, false);
    List<String> ranOn = new ArrayList<>();
    int[] counts = new int[9];
    assertTrue(neverRunning.run(bounds(9, 3), 3, (lo, hi) -> {
      ranOn.add(Thread.currentThread().getName());
      for (int i = lo; i < hi; i++) {
        counts[i]++;
      }
    }));
    String caller = Thread.currentThread().getName();
    assertEquals(List.of(caller, caller, caller), ranOn);
    for (int count : counts) {
      assertEquals(1, count);
    }
  }

  @Test
  void aFailingChunkReachesTheCallerAfterTheOthersEnded() {
    for (boolean started : new boolean[] {true, false}) {
      SpinningWorkers workers = new SpinningWorkers(1, started);
      AtomicInteger done = new AtomicInteger();
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> workers.run(new int[] {0, 5, 10}, 2, (lo, hi) -> {
            if (lo == 5) {
              throw new IllegalStateException("chunk at " + lo);
            }
            sleep(5);
            done.addAndGet(hi - lo);
          }));
      assertEquals("chunk at 5", e.getMessage());
      assertEquals(5, done.get(), "the other chunk ended first (workers started: " + started + ")");
      // The caller's own failure comes first when both fail, and the team is usable afterwards.
      IllegalArgumentException first = assertThrows(IllegalArgumentException.class,
          () -> workers.run(new int[] {0, 5, 10}, 2, (lo, hi) -> {
            throw lo == 0 ? new IllegalArgumentException("caller") : new IllegalStateException();
          }));
      assertEquals("caller", first.getMessage());
      AtomicInteger sum = new AtomicInteger();
      assertTrue(workers.run(new int[] {0, 5, 10}, 2, (lo, hi) -> sum.addAndGet(hi - lo)));
      assertEquals(10, sum.get());
    }
  }

  @Test
  void aSectionStartedWhileTheTeamIsBusyIsTurnedAway() {
    SpinningWorkers workers = new SpinningWorkers(1);
    boolean[] nestedRan = {true};
    assertTrue(workers.run(new int[] {0, 1, 2}, 2, (lo, hi) -> {
      if (lo == 0) {
        nestedRan[0] = workers.run(new int[] {0, 1, 2}, 2, (a, b) -> {});
      }
    }));
    assertFalse(nestedRan[0]);
    assertFalse(workers.run(new int[] {0, 1, 2, 3}, 3, (a, b) -> {}), "more chunks than workers");
  }

  @Test
  void concurrentAndNestedParallelLoopsCoverEveryIndexOnce() throws Exception {
    int threads = CpuThreads.maxThreads();
    CpuThreads.setMaxThreads(2);
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        results.add(callers.submit(() -> {
          for (int section = 0; section < 200; section++) {
            int n = 64;
            AtomicIntegerArray counts = new AtomicIntegerArray(n * n);
            CpuThreads.parallelFor(n, CpuThreads.MIN_WORK_PER_THREAD, (lo, hi) -> {
              for (int i = lo; i < hi; i++) {
                int row = i;
                CpuThreads.parallelFor(n, CpuThreads.MIN_WORK_PER_THREAD, (a, b) -> {
                  for (int j = a; j < b; j++) {
                    counts.incrementAndGet(row * n + j);
                  }
                });
              }
            });
            for (int k = 0; k < n * n; k++) {
              assertEquals(1, counts.get(k), "section " + section + ", entry " + k);
            }
          }
        }));
      }
      for (Future<?> f : results) {
        f.get();
      }
    } finally {
      callers.shutdown();
      CpuThreads.setMaxThreads(threads);
    }
  }

  @Test
  void workersAreMarkedSoTheirChunksDoNotFork() {
    SpinningWorkers workers = new SpinningWorkers(1);
    CountDownLatch workerRan = new CountDownLatch(1);
    boolean[] marked = new boolean[2];
    // The caller's chunk waits for the other, so the worker (not the caller) runs that one.
    assertTrue(workers.run(new int[] {0, 1, 2}, 2, (lo, hi) -> {
      marked[lo] = SpinningWorkers.isWorker(Thread.currentThread());
      if (lo == 1) {
        workerRan.countDown();
      } else {
        await(workerRan);
      }
    }));
    assertFalse(marked[0]);
    assertTrue(marked[1]);
  }

  @Test
  void aSectionNestedInAChunkRunsInlineOnThatChunksThread() {
    int threads = CpuThreads.maxThreads();
    CpuThreads.setMaxThreads(2);
    try {
      List<String> mismatches = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicInteger inner = new AtomicInteger();
      CpuThreads.parallelFor(2, CpuThreads.MIN_WORK_PER_THREAD, (lo, hi) -> {
        Thread chunk = Thread.currentThread();
        CpuThreads.parallelFor(64, CpuThreads.MIN_WORK_PER_THREAD, (a, b) -> {
          inner.addAndGet(b - a);
          if (Thread.currentThread() != chunk) {
            mismatches.add(a + ".." + b + " ran on " + Thread.currentThread().getName()
                + ", not on " + chunk.getName());
          }
        });
      });
      assertEquals(128, inner.get());
      assertEquals(List.of(), mismatches);
    } finally {
      CpuThreads.setMaxThreads(threads);
    }
  }

  private static int[] bounds(int n, int chunks) {
    int[] bounds = new int[chunks + 1];
    for (int c = 0; c <= chunks; c++) {
      bounds[c] = n * c / chunks;
    }
    return bounds;
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS), "the worker never ran its chunk");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
