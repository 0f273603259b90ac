package org.jkeras.backend;

/**
 * The activations a GEMM-based kernel (Dense, convolution) can apply to its output block while
 * the block is still in cache, right after adding the bias. Each one's derivative is a function
 * of its output, so the backward pass needs only the output the forward pass returned.
 */
public enum FusedActivation {
  LINEAR("linear"),
  RELU("relu"),
  SIGMOID("sigmoid"),
  TANH("tanh"),
  /** Softmax over the last axis (each output row); Dense only, where a row is one sample. */
  SOFTMAX("softmax");

  private final String kerasName;

  FusedActivation(String kerasName) {
    this.kerasName = kerasName;
  }

  /** The name Keras uses in layer configs, for example {@code "relu"}. */
  public String kerasName() {
    return kerasName;
  }

  /**
   * The fused activation called {@code name} in Keras, or null when there is none (the caller
   * then applies the activation as a separate op).
   */
  public static FusedActivation forKerasName(String name) {
    for (FusedActivation a : values()) {
      if (a.kerasName.equals(name)) {
        return a;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return kerasName;
  }
}
