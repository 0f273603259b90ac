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

  /** Called after each epoch (to reshuffle, for example). */
  default void onEpochEnd() {}
}
