package org.jkeras.backend;

/** Convolution and pooling kernels (channels_last), forward and backward. */
public interface ConvKernels {}
