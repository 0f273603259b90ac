package org.jkeras.backend;

/** Elementwise float32 functions of two broadcast arguments, computed by {@link MathKernels#binary}. */
public enum BinaryFunction {
  ADD,
  SUBTRACT,
  MULTIPLY,
  DIVIDE,
}
