package org.jkeras.trainers;

/**
 * Batches produced on demand, the analogue of Keras's {@code PyDataset}: data larger than memory
 * streams through {@code fit} one batch at a time.
 */
public interface DataSource {
  /** The number of batches in one epoch. */
  int size();

  /** Batch {@code index}, {@code 0 <= index < size()}. */
  Batch get(int index);

  /** Called after each epoch's batches, before validation (to reshuffle, for example). */
  default void onEpochEnd() {}

  /**
   * The state of the source's shuffling, for a training backup; a source that shuffles with
   * its own random numbers returns them here so a resumed fit sees the same order. None by
   * default.
   */
  default long[] randomState() {
    return new long[0];
  }

  /** Goes back to a state {@link #randomState()} returned (by this source or an equal one). */
  default void restoreRandomState(long[] state) {}
}
