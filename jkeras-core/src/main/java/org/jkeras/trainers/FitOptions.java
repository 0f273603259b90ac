package org.jkeras.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.Callback;

/**
 * {@code fit}'s keyword arguments with Keras's defaults: batch size 32, 1 epoch, verbose 1,
 * shuffle, no validation. {@code FitOptions.epochs(10).batchSize(64).validationSplit(0.2)}.
 */
public final class FitOptions {
  int batchSize = 32;
  int epochs = 1;
  int verbose = 1;
  final List<Callback> callbacks = new ArrayList<>();
  double validationSplit;
  List<Tensor> validationX;
  List<Tensor> validationY;
  boolean shuffle = true;
  Map<Integer, Double> classWeight;
  Tensor sampleWeight;
  int initialEpoch;
  Integer stepsPerEpoch;
  Integer validationBatchSize;
  int validationFreq = 1;
  boolean checkFinite;

  /** Options for {@code epochs} epochs, the rest Keras's defaults. */
  public static FitOptions epochs(int epochs) {
    return new FitOptions().withEpochs(epochs);
  }

  /** Keras's defaults (one epoch). */
  public static FitOptions defaults() {
    return new FitOptions();
  }

  public FitOptions withEpochs(int value) {
    if (value < 1) {
      throw new JKerasException("epochs must be at least 1, got " + value + ".");
    }
    epochs = value;
    return this;
  }

  public FitOptions batchSize(int value) {
    if (value < 1) {
      throw new JKerasException("batch_size must be a positive integer, got " + value + ".");
    }
    batchSize = value;
    return this;
  }

  /** 0 silent, 1 progress bar, 2 one line per epoch. */
  public FitOptions verbose(int value) {
    verbose = value;
    return this;
  }

  public FitOptions callbacks(Callback... values) {
    callbacks.addAll(List.of(values));
    return this;
  }

  /** The fraction of the data, taken from the end before shuffling, used for validation. */
  public FitOptions validationSplit(double value) {
    if (value < 0 || value >= 1) {
      throw new JKerasException("validation_split must be in [0, 1), got " + value + ".");
    }
    validationSplit = value;
    return this;
  }

  public FitOptions validationData(Tensor x, Tensor y) {
    return validationData(List.of(x), List.of(y));
  }

  public FitOptions validationData(List<Tensor> x, List<Tensor> y) {
    validationX = x;
    validationY = y;
    return this;
  }

  public FitOptions shuffle(boolean value) {
    shuffle = value;
    return this;
  }

  /** Class index to weight, multiplying each sample's loss by its class's weight. */
  public FitOptions classWeight(Map<Integer, Double> value) {
    classWeight = value;
    return this;
  }

  /** A weight per sample, shape (samples,). */
  public FitOptions sampleWeight(Tensor value) {
    sampleWeight = value;
    return this;
  }

  public FitOptions initialEpoch(int value) {
    if (value < 0) {
      throw new JKerasException("initial_epoch must be 0 or more, got " + value + ".");
    }
    initialEpoch = value;
    return this;
  }

  public FitOptions stepsPerEpoch(int value) {
    if (value < 1) {
      throw new JKerasException("steps_per_epoch must be a positive integer, got " + value
          + ".");
    }
    stepsPerEpoch = value;
    return this;
  }

  public FitOptions validationBatchSize(int value) {
    if (value < 1) {
      throw new JKerasException("validation_batch_size must be a positive integer, got " + value
          + ".");
    }
    validationBatchSize = value;
    return this;
  }

  public FitOptions validationFreq(int value) {
    if (value < 1) {
      throw new JKerasException("validation_freq must be a positive integer, got " + value
          + ".");
    }
    validationFreq = value;
    return this;
  }

  /**
   * Refuse NaN and infinite values in x, y, sample weights and validation data before training,
   * naming the array and the first bad sample. Off by default, as Keras has no such check: it
   * costs one pass over the data. {@link org.jkeras.callbacks.TerminateOnNaN} is the other
   * guard, stopping once the loss itself is no longer finite.
   */
  public FitOptions checkFinite(boolean value) {
    checkFinite = value;
    return this;
  }
}
