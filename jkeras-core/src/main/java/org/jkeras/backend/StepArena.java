package org.jkeras.backend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reuses the large output arrays of one training, evaluation or prediction step in the next: a
 * step repeats the same shapes, so the arrays a step's ops produced (convolution outputs,
 * activation gradients, pooling gradients ...) serve the same ops of the next step instead of
 * being allocated, zeroed and collected again. Without it a convolutional model allocates about
 * 1.6 GB/s, and the collector promotes the live part of every step into a growing old
 * generation.
 *
 * <p>The training loop holds one arena per {@code fit}, {@code evaluate} or {@code predict} and
 * runs each step between {@link #begin} and {@link #recycle}. While a step runs, kernels take
 * their output arrays from {@link #floats} or {@link #zeroedFloats}; at {@link #recycle}, every
 * array taken during the step goes back to the arena, except those passed to {@link #keep}: what
 * leaves the step (predictions, the loss, the gradients the optimizer reads).
 *
 * <p>So a tensor computed inside a step is valid until the step ends, as a tensor inside Keras's
 * compiled {@code train_step} is: a layer that keeps one of its tensors for a later step must copy
 * it (stateful recurrent layers do). {@code -Djkeras.stepArena=false} turns reuse off.
 *
 * <p>Internal to jkeras. Arrays below {@link #MIN_FLOATS} floats are cheap to allocate and are
 * never reused. For tests, {@code -Djkeras.stepArena.minFloats=1} reuses every array, and
 * {@code -Djkeras.stepArena.poison=true} fills every array {@link #floats} hands out with NaN, so a
 * kernel that reads an output element before writing it fails at once instead of reading stale
 * values from an earlier step.
 */
public final class StepArena {
  /** Arrays shorter than this are allocated as usual. */
  public static final int MIN_FLOATS = Integer.getInteger("jkeras.stepArena.minFloats", 1 << 14);

  private static final boolean ENABLED =
      !"false".equals(System.getProperty("jkeras.stepArena"));
  private static final boolean POISON = Boolean.getBoolean("jkeras.stepArena.poison");
  private static final ThreadLocal<StepArena> ACTIVE = new ThreadLocal<>();

  /** Free arrays by length. */
  private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
  /** The arrays taken during the current step, in order. */
  private final List<float[]> taken = new ArrayList<>();
  private final Set<float[]> kept = Collections.newSetFromMap(new IdentityHashMap<>());
  private StepArena outer;
  private boolean taking;
  private long freshArrays;
  /** Steps ended so far: an array taken in step k is valid while this is still k. */
  private long endedSteps;

  /**
   * Runs one step: {@link #begin}, then {@code step} (which calls {@link #stopTaking} and
   * {@link #keep} as it needs), then {@link #recycle}, or {@link #abandon} when it throws.
   */
  public void run(Runnable step) {
    begin();
    try {
      step.run();
    } catch (RuntimeException | Error e) {
      abandon();
      throw e;
    }
    recycle();
  }

  /** Starts a step on this thread: until {@link #stopTaking}, kernels' outputs come from here. */
  public void begin() {
    if (taking) {
      throw new IllegalStateException("this step arena's step has already begun");
    }
    outer = ACTIVE.get();
    if (ENABLED) {
      ACTIVE.set(this);
    }
    taking = true;
  }

  /**
   * Ends the part of the step whose outputs are reused (the forward and backward passes); what
   * runs after it (the optimizer's update, metrics) allocates as usual, so whatever it keeps is
   * safe.
   */
  public void stopTaking() {
    if (!taking) {
      return;
    }
    taking = false;
    if (ENABLED) {
      ACTIVE.set(outer);
    }
    outer = null;
  }

  /** Keeps the arrays of these tensors out of reuse: they leave the step. */
  public void keep(Iterable<? extends Tensor> tensors) {
    for (Tensor t : tensors) {
      keep(t);
    }
  }

  /** Keeps the array of {@code t} (and of every view of it) out of reuse. Null is ignored. */
  public void keep(Tensor t) {
    if (t != null && t.dtype() == DType.FLOAT32) {
      kept.add(t.floatData());
    }
  }

  /**
   * Ends the step: every array taken in it and not kept is free for the next step. The caller
   * must hold no tensor of the step other than the kept ones.
   */
  public void recycle() {
    stopTaking();
    for (float[] a : taken) {
      if (!kept.contains(a)) {
        free.computeIfAbsent(a.length, k -> new ArrayDeque<>()).addLast(a);
      }
    }
    taken.clear();
    kept.clear();
    endedSteps++;
  }

  /**
   * Ends the step without reusing its arrays (the step failed: what it computed may still be
   * referenced from where it stopped).
   */
  public void abandon() {
    stopTaking();
    taken.clear();
    kept.clear();
    endedSteps++;
  }

  /**
   * How many steps this arena has ended: an array {@link #floats} gave during a step stays valid
   * while this count is what it was then (for copies a tensor caches).
   */
  public long endedSteps() {
    return endedSteps;
  }

  /** The arena whose step is running on this thread, or null. */
  public static StepArena active() {
    return ACTIVE.get();
  }

  /** How many arrays this arena has had to allocate because none was free (for tests). */
  public long freshArrays() {
    return freshArrays;
  }

  /** How many arrays are free for reuse now (for tests). */
  public int freeArrays() {
    int n = 0;
    for (ArrayDeque<float[]> q : free.values()) {
      n += q.size();
    }
    return n;
  }

  /**
   * An array of {@code n} floats for an op's output, with arbitrary contents: the kernel must
   * write every element before it is read.
   */
  public static float[] floats(int n) {
    float[] a = take(n, false);
    if (POISON) {
      java.util.Arrays.fill(a, Float.NaN);
    }
    return a;
  }

  /** An array of {@code n} zeros for an op's output (a kernel that accumulates into it). */
  public static float[] zeroedFloats(int n) {
    return take(n, true);
  }

  /** From the step running on this thread when there is one and the array is large enough. */
  private static float[] take(int n, boolean zeroed) {
    StepArena arena = n >= MIN_FLOATS ? ACTIVE.get() : null;
    if (arena == null) {
      return new float[n];
    }
    float[] a = arena.reuse(n);
    if (a == null) {
      a = new float[n];
      arena.freshArrays++;
    } else if (zeroed) {
      java.util.Arrays.fill(a, 0f);
    }
    arena.taken.add(a);
    return a;
  }

  private float[] reuse(int n) {
    ArrayDeque<float[]> q = free.get(n);
    return q == null ? null : q.pollFirst();
  }
}
