package org.jkeras.backend;

/**
 * Elementwise float32 functions of two broadcast arguments, computed by {@link
 * MathKernels#binary}.
 */
public enum BinaryFunction {
  ADD,
  SUBTRACT,
  MULTIPLY,
  DIVIDE,
  POWER,
  MAXIMUM,
  MINIMUM;

  /** The Keras op name, for error messages. */
  public String kerasName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
