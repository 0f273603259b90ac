package org.jkeras.backend;

/** Fused recurrent kernels over whole sequences, forward and backward through time. */
public interface RecurrentKernels {}
