package org.jkeras.trainers;

import java.util.List;
import org.jkeras.backend.Tensor;

/** One batch: the model's inputs, the targets (one per output) and optional sample weights. */
public record Batch(List<Tensor> inputs, List<Tensor> targets, Tensor sampleWeight) {
  public Batch(List<Tensor> inputs, List<Tensor> targets) {
    this(inputs, targets, null);
  }

  /** The number of samples in the batch. */
  public int size() {
    return inputs.get(0).shape().dim(0);
  }
}
