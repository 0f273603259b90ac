package org.jkeras.backend;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Large working arrays that kernels and the training loop use and give back within a step (the
 * recurrent kernels' gate and state buffers, batches of training data): reused across steps
 * instead of allocated afresh, because a
 * fresh Java array of tens of megabytes costs a full zeroing pass and, on a large heap, page
 * faults, every step. Arrays are kept by exact length (steps repeat the same shapes), and what
 * is kept is capped so a change of shapes cannot pin much memory. Arrays handed out hold old
 * values: callers overwrite them, or ask for {@link #takeZeroed}. Internal to jkeras: an array
 * given back must not be referenced anywhere any more.
 */
public final class ScratchBuffers {
  /** Arrays below this size are cheap to allocate and are not pooled. */
  public static final int MIN_LENGTH = 1 << 16;
  private static final long MAX_POOLED_BYTES = 256L << 20;
  private static final int MAX_PER_LENGTH = 8;

  private static final ConcurrentHashMap<Integer, ConcurrentLinkedDeque<float[]>> FREE =
      new ConcurrentHashMap<>();
  private static final AtomicLong POOLED_BYTES = new AtomicLong();

  private ScratchBuffers() {}

  /** An array of exactly {@code n} floats, with arbitrary contents. */
  public static float[] take(int n) {
    if (n >= MIN_LENGTH) {
      ConcurrentLinkedDeque<float[]> free = FREE.get(n);
      float[] a = free == null ? null : free.pollFirst();
      if (a != null) {
        POOLED_BYTES.addAndGet(-4L * n);
        return a;
      }
    }
    return new float[n];
  }

  /** An array of exactly {@code n} zeros. */
  public static float[] takeZeroed(int n) {
    if (n >= MIN_LENGTH) {
      float[] a = take(n);
      java.util.Arrays.fill(a, 0f);
      return a;
    }
    return new float[n];
  }

  /** Gives {@code a} back; the caller must hold no other reference to it. Null is ignored. */
  public static void give(float[] a) {
    if (a == null || a.length < MIN_LENGTH) {
      return;
    }
    long bytes = 4L * a.length;
    if (POOLED_BYTES.addAndGet(bytes) > MAX_POOLED_BYTES) {
      POOLED_BYTES.addAndGet(-bytes);
      return;
    }
    ConcurrentLinkedDeque<float[]> free = FREE.computeIfAbsent(a.length,
        k -> new ConcurrentLinkedDeque<>());
    if (free.size() >= MAX_PER_LENGTH) {
      POOLED_BYTES.addAndGet(-bytes);
      return;
    }
    free.addFirst(a);
  }

  /** Bytes held for reuse now (for tests). */
  public static long pooledBytes() {
    return POOLED_BYTES.get();
  }
}
