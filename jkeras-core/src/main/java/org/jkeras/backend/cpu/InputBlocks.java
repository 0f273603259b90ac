package org.jkeras.backend.cpu;

import org.jkeras.backend.ScratchBuffers;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * A recurrent kernel's inputs: one or more {@code (batch_i, time, features)} blocks read as one
 * batch stacked in order. A shared layer's calls run as one kernel call this way without first
 * copying their inputs together: the input projection, the kernel's gradient and the inputs'
 * gradients are one GEMM per block, and everything per step sees a single batch.
 */
final class InputBlocks {
  private final float[][] data;
  /** Where each block's first element lies in its array (a batch served in place). */
  private final int[] offsets;
  private final int[] rows;
  private final int batch;
  final int time;
  final int features;

  private InputBlocks(float[][] data, int[] offsets, int[] rows, int time, int features) {
    this.data = data;
    this.offsets = offsets;
    this.rows = rows;
    this.time = time;
    this.features = features;
    int sum = 0;
    for (int r : rows) {
      sum += r;
    }
    this.batch = sum;
  }

  static InputBlocks of(Tensor[] inputs) {
    float[][] data = new float[inputs.length][];
    int[] offsets = new int[inputs.length];
    int[] rows = new int[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      data[i] = inputs[i].floatStorage();
      offsets[i] = inputs[i].storageOffset();
      rows[i] = inputs[i].shape().dim(0);
    }
    return new InputBlocks(data, offsets, rows, inputs[0].shape().dim(1),
        inputs[0].shape().dim(2));
  }

  /** The batch size of all blocks together. */
  int batch() {
    return batch;
  }

  /**
   * {@code x @ w} for every step, {@code w (features, n)}, laid out {@code (batch, time, n)} in a
   * pooled buffer (fully written).
   */
  float[] project(float[] w, int n) {
    float[] out = ScratchBuffers.take(batch * time * n);
    int first = 0;
    for (int i = 0; i < data.length; i++) {
      CpuGemm.get().sgemm(false, false, rows[i] * time, n, features, 1f, data[i], offsets[i],
          features, w, 0, n, 0f, out, first * time * n, n);
      first += rows[i];
    }
    return out;
  }

  /**
   * The kernel's gradient {@code x^T @ d} summed over all blocks, where {@code d (batch * time,
   * n)} holds the input-side pre-activation gradients.
   */
  float[] kernelGradient(float[] d, int n) {
    float[] dw = new float[features * n];
    int first = 0;
    for (int i = 0; i < data.length; i++) {
      SummedProduct.compute(data[i], offsets[i], features, d, first * time * n, n,
          rows[i] * time, features, n, i == 0 ? 0f : 1f, dw, 0, n);
      first += rows[i];
    }
    return dw;
  }

  /** Each block's gradient {@code d_i @ w^T}, {@code w (features, n)}, shaped like the block. */
  Tensor[] inputGradients(float[] d, int n, float[] w) {
    Tensor[] out = new Tensor[data.length];
    int first = 0;
    for (int i = 0; i < data.length; i++) {
      int size = rows[i] * time * features;
      // The GEMM (beta 0) writes dx whole unless there is nothing to sum.
      float[] dx = n == 0 ? StepArena.zeroedFloats(size) : StepArena.floats(size);
      CpuGemm.get().sgemm(false, true, rows[i] * time, features, n, 1f, d, first * time * n, n, w,
          0, n, 0f, dx, 0, features);
      out[i] = Tensor.wrap(dx, Shape.of(rows[i], time, features));
      first += rows[i];
    }
    return out;
  }
}
