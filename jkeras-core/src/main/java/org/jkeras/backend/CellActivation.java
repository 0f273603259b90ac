package org.jkeras.backend;

/**
 * The activations a fused recurrent kernel can apply to its gates. Each one's derivative is a
 * function of its output, which is why the kernels only keep activated values for the backward
 * pass.
 */
public enum CellActivation {
  TANH("tanh"),
  SIGMOID("sigmoid"),
  RELU("relu"),
  LINEAR("linear"),
  /** Keras 3's {@code hard_sigmoid}: {@code clip(x / 6 + 0.5, 0, 1)}. */
  HARD_SIGMOID("hard_sigmoid");

  private final String kerasName;

  CellActivation(String kerasName) {
    this.kerasName = kerasName;
  }

  /** The name Keras uses in layer configs, for example {@code "tanh"}. */
  public String kerasName() {
    return kerasName;
  }

  /** Looks an activation up by its Keras name. */
  public static CellActivation fromKerasName(String name) {
    for (CellActivation a : values()) {
      if (a.kerasName.equals(name)) {
        return a;
      }
    }
    throw new JKerasException("Unknown recurrent cell activation '" + name
        + "': the fused recurrent kernels support tanh, sigmoid, relu, linear and hard_sigmoid.");
  }

  @Override
  public String toString() {
    return kerasName;
  }
}
