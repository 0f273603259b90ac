package org.jkeras.backend;

/** Reductions over axes, computed by {@link ArrayKernels#reduce}. */
public enum Reduction {
  SUM,
  MEAN,
  MAX,
  MIN,
  PROD,
  /** Population variance (divides by the count, like numpy's and Keras's default). */
  VAR,
  /** Population standard deviation, the square root of {@link #VAR}. */
  STD,
}
