package org.jkeras.backend;

import java.util.function.Supplier;

/**
 * A per-thread cap on the elements of any one tensor, in force while jkeras builds a model from a
 * file it did not write (see {@code org.jkeras.saving.LoadLimits}): a config that asks for a
 * {@code Dense(2147483647)} is refused before its kernel is allocated. Outside such a scope
 * nothing is capped beyond what a Java array can hold. Internal: used by the loaders.
 */
public final class TensorSizeLimit {
  private static final ThreadLocal<Long> LIMIT = new ThreadLocal<>();

  private TensorSizeLimit() {}

  /** Runs {@code body} with every tensor on this thread capped at {@code maxElements}. */
  public static <T> T within(long maxElements, Supplier<T> body) {
    Long previous = LIMIT.get();
    LIMIT.set(previous == null ? maxElements : Math.min(previous, maxElements));
    try {
      return body.get();
    } finally {
      if (previous == null) {
        LIMIT.remove();
      } else {
        LIMIT.set(previous);
      }
    }
  }

  /** The cap in force on this thread, or -1 when there is none. */
  public static long current() {
    Long limit = LIMIT.get();
    return limit == null ? -1 : limit;
  }

  /** Throws when a tensor of {@code shape} ({@code elements} of them) is over the cap. */
  static void check(Shape shape, long elements) {
    Long limit = LIMIT.get();
    if (limit != null && elements > limit) {
      throw new TensorTooLargeException(shape, elements, limit, null);
    }
  }
}
