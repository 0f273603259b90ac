package org.jkeras.backend;

/**
 * A stream of seeds from one starting seed, like Keras's {@code SeedGenerator}: each call to
 * {@link #next()} gives a new seed, and the same starting seed gives the same stream. The stream
 * is {@link java.util.SplittableRandom}'s (SplitMix64), kept as one long so that its position
 * can be saved and restored ({@link #state()}), which is how a training backup resumes dropout
 * masks and shuffles exactly where they stopped.
 */
public final class SeedGenerator {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private long state;

  public SeedGenerator(long seed) {
    this.state = seed;
  }

  public synchronized long next() {
    state += GOLDEN_GAMMA;
    long z = state;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The stream's position: {@code setState(state())} later continues with the same seeds. */
  public synchronized long state() {
    return state;
  }

  public synchronized void setState(long value) {
    state = value;
  }
}
