package org.jkeras.initializers;

import org.jkeras.backend.SeedGenerator;

/**
 * Where unseeded initializers get their seeds: a global generator, random per process like
 * Keras's, or reproducible after {@link #set(long)} (Keras's {@code set_random_seed}).
 */
public final class RandomSeeds {
  private static SeedGenerator global = new SeedGenerator(System.nanoTime());

  private RandomSeeds() {}

  /** Makes every later unseeded draw reproducible. */
  public static synchronized void set(long seed) {
    global = new SeedGenerator(seed);
  }

  /** The next seed of the global stream (Keras's {@code make_default_seed}). */
  public static synchronized long next() {
    return global.next();
  }

  /** The given seed, or the next global one when null. */
  public static synchronized long orNext(Long seed) {
    return seed != null ? seed : global.next();
  }
}
