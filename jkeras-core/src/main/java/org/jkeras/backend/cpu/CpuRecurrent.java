package org.jkeras.backend.cpu;

import org.jkeras.backend.RecurrentKernels;

/** CPU fused recurrent kernels. */
final class CpuRecurrent implements RecurrentKernels {}
