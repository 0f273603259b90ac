package org.jkeras.backend.cpu;

import org.jkeras.backend.ConvKernels;

/** CPU convolution and pooling kernels. */
final class CpuConv implements ConvKernels {}
