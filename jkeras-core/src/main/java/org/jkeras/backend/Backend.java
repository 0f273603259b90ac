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

  /**
   * Runs {@code worker} on each of the backend's threads at once, the calling thread included,
   * and returns when all have; parallel kernels inside run inline on their thread. For work that
   * splits into independent pieces, which each worker takes in turn (predict's batches).
   */
  void onEachThread(Runnable worker);

  /** The backend in use (the CPU backend). */
  static Backend current() {
    return CpuBackend.INSTANCE;
  }
}
