package org.jkeras.backend;

import org.jkeras.backend.cpu.CpuBackend;

/**
 * The kernels an execution device provides, grouped by family. Ops (in {@code org.jkeras.ops})
 * check shapes and record gradients, then call these; a new device (CUDA) is a new implementation
 * of this interface, not a rewrite of the ops.
 */
public interface Backend {
  /** A short name, for example {@code "cpu"}. */
  String name();

  /** Elementwise maths and activations. */
  MathKernels math();

  /** Reductions, broadcasting and data movement (transpose, concatenate, slice, gather). */
  ArrayKernels arrays();

  /** Matrix products. */
  LinalgKernels linalg();

  /** Convolutions and pooling. */
  ConvKernels conv();

  /** Fused recurrent sequence kernels (SimpleRNN, LSTM, GRU). */
  RecurrentKernels recurrent();

  /** The backend in use (the CPU backend). */
  static Backend current() {
    return CpuBackend.INSTANCE;
  }
}
