package org.jkeras.backend;

/**
 * Elementwise predicates of two broadcast arguments, computed by {@link MathKernels#compare}; the
 * result is a bool tensor. The logical ones treat any nonzero value as true.
 */
public enum Comparison {
  EQUAL,
  NOT_EQUAL,
  LESS,
  LESS_EQUAL,
  GREATER,
  GREATER_EQUAL,
  LOGICAL_AND,
  LOGICAL_OR;

  /** The Keras op name, for error messages. */
  public String kerasName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
