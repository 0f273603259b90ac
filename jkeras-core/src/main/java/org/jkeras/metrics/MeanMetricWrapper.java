package org.jkeras.metrics;

import org.jkeras.backend.Tensor;

/**
 * Keras's {@code MeanMetricWrapper}: a per-sample function of labels and predictions, averaged
 * over every sample seen with the sample weights. Accuracy and the loss metrics are made so.
 */
public abstract class MeanMetricWrapper extends Mean {
  protected MeanMetricWrapper(String name) {
    super(name);
  }

  /** The per-sample values for one batch. */
  protected abstract Tensor values(Tensor yTrue, Tensor yPred);

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    updateState(values(yTrue, yPred), sampleWeight);
  }
}
