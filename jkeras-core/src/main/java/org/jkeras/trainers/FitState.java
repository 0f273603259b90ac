package org.jkeras.trainers;

import org.jkeras.backend.JKerasException;

/**
 * Where a running {@code fit} stands: the epoch and the batch it would run next, where it is in
 * its data and the data's shuffling state. A callback reads it to back up training
 * ({@link org.jkeras.callbacks.BackupAndRestore}) and, in {@code onTrainBegin}, may
 * {@link #resume} from a backup so the fit continues exactly where an interrupted one stopped.
 */
public final class FitState {
  private final DataSource data;
  private int epoch;
  private int step;
  private int cursor;
  private boolean beginning = true;
  private boolean resumed;

  FitState(int initialEpoch, DataSource data) {
    this.epoch = initialEpoch;
    this.data = data;
  }

  /** The epoch the fit runs next (the current one while its batches run). */
  public int epoch() {
    return epoch;
  }

  /** The batch of {@link #epoch()} the fit runs next (0 at an epoch's start). */
  public int step() {
    return step;
  }

  /** The index of the next batch in the data source (differs from step with stepsPerEpoch). */
  public int cursor() {
    return cursor;
  }

  /** The data source's shuffling state now ({@link DataSource#randomState()}). */
  public long[] dataRandomState() {
    return data.randomState();
  }

  /** True when a callback resumed this fit from a backup. */
  public boolean resumed() {
    return resumed;
  }

  /**
   * Continues from a backup: epoch, batch within it, data index and shuffling state as another
   * fit's {@code FitState} reported them. Only in {@code onTrainBegin}.
   */
  public void resume(int nextEpoch, int nextStep, int dataCursor, long[] dataRandomState) {
    if (!beginning) {
      throw new JKerasException("FitState.resume can only be called from onTrainBegin, before"
          + " the first batch; the fit is at epoch " + epoch + ", batch " + step + ".");
    }
    if (nextEpoch < 0 || nextStep < 0 || dataCursor < 0 || dataCursor > data.size()) {
      throw new JKerasException("Cannot resume at epoch " + nextEpoch + ", batch " + nextStep
          + ", data index " + dataCursor + ": the data has " + data.size() + " batches.");
    }
    data.restoreRandomState(dataRandomState);
    this.epoch = nextEpoch;
    this.step = nextStep;
    this.cursor = dataCursor;
    this.resumed = true;
  }

  void started() {
    beginning = false;
  }

  void at(int nextEpoch, int nextStep, int dataCursor) {
    this.epoch = nextEpoch;
    this.step = nextStep;
    this.cursor = dataCursor;
  }
}
