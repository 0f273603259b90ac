package org.jkeras.backend;

/** Reductions over axes, computed by {@link ArrayKernels#reduce}. */
public enum Reduction {
  SUM,
  MEAN,
  MAX,
  MIN,
  PROD,
}
