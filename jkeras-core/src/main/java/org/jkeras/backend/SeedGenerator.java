package org.jkeras.backend;

import java.util.SplittableRandom;

/**
 * A stream of seeds from one starting seed, like Keras's {@code SeedGenerator}: each call to
 * {@link #next()} gives a new seed, and the same starting seed gives the same stream.
 */
public final class SeedGenerator {
  private final SplittableRandom random;

  public SeedGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  public synchronized long next() {
    return random.nextLong();
  }
}
