package org.jkeras.trainers;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jkeras.backend.JKerasException;

/**
 * What lets one thread train a model while other threads predict with it. Each training step
 * (forward, backward, weight update) holds the write lock, and each predict or evaluation batch
 * the read lock, so a prediction sees the weights of before or after a step, never half of one.
 * Fit, evaluate, trainOnBatch and testOnBatch share the model's optimizer and metrics, so only
 * one thread at a time may run them: another thread trying gets a {@link JKerasException}
 * rather than silently mixed numbers. The same thread may nest them (validation inside fit, a
 * callback that evaluates).
 */
public final class ModelGuard {
  private final ReentrantReadWriteLock weights = new ReentrantReadWriteLock();
  private final Object sessionLock = new Object();
  private Thread owner;
  private String activity;
  private int depth;

  /**
   * Runs {@code body} as the model's one training session ({@code activity}: "fit",
   * "evaluate", ...); throws when another thread runs one.
   */
  public <T> T session(String modelName, String activity, Supplier<T> body) {
    Thread me = Thread.currentThread();
    synchronized (sessionLock) {
      if (owner != null && owner != me) {
        throw new JKerasException("Model '" + modelName + "' is already "
            + (this.activity.equals("fit") || this.activity.equals("trainOnBatch")
                ? "training" : "evaluating")
            + " in another thread (" + this.activity + " on thread '" + owner.getName()
            + "'), so it cannot " + activity + " now: one model runs one fit, evaluate,"
            + " trainOnBatch or testOnBatch at a time (they share its optimizer and metrics)."
            + " Wait for it to finish, or use a copy of the model; predict may run alongside.");
      }
      if (owner == null) {
        owner = me;
        this.activity = activity;
      }
      depth++;
    }
    try {
      return body.get();
    } finally {
      synchronized (sessionLock) {
        if (--depth == 0) {
          owner = null;
          this.activity = null;
        }
      }
    }
  }

  /** Runs {@code body} reading the weights (a predict or evaluation batch). */
  public <T> T reading(Supplier<T> body) {
    return locked(weights.readLock(), body);
  }

  /** Runs {@code body} changing the weights (a training step, a restore). */
  public <T> T writing(Supplier<T> body) {
    return locked(weights.writeLock(), body);
  }

  /** {@link #writing} for a body without a result. */
  public void writing(Runnable body) {
    writing(() -> {
      body.run();
      return null;
    });
  }

  private static <T> T locked(Lock lock, Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }
}
