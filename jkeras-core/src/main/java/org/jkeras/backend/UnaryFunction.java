package org.jkeras.backend;

/** Elementwise float32 functions of one argument, computed by {@link MathKernels#unary}. */
public enum UnaryFunction {
  NEGATIVE,
  SIGMOID,
  TANH,
  EXP,
  LOG,
}
