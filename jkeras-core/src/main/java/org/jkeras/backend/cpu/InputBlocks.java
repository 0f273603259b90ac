package org.jkeras.backend.cpu;

import org.jkeras.backend.ScratchBuffers;
import org.jkeras.backend.Shape;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;

/**
 * A recurrent kernel's inputs: one or more {@code (batch_i, time, features)} blocks read as one
 * batch stacked in order. A shared layer's calls run as one kernel call this way without first
 * copying their inputs together: the input projection, the kernel's gradient and the inputs'
 * gradients are one GEMM per block, and everything per step sees a single batch.
 *
 * <p>Inputs are read where they lie: a batch of consecutive rows of the caller's data is one
 * block at its offset, and a shuffled batch ({@link Tensor#gatheredRows}) is one block per
 * sample, so no batch is copied. With many blocks the threads split the blocks instead of each
 * block's rows.
 */
final class InputBlocks {
  /** Blocks per input below which each block's GEMM is split over the threads by itself. */
  private static final int FEW_BLOCKS = 4;

  private final float[][] data;
  /** Where each block's first element lies in its array. */
  private final int[] offsets;
  private final int[] rows;
  /** Each block's first row in the stacked batch. */
  private final int[] firsts;
  /** The inputs: their batch sizes, and the first block of each. */
  private final int[] inputRows;
  private final int[] firstBlock;
  private final int batch;
  final int time;
  final int features;

  private InputBlocks(float[][] data, int[] offsets, int[] rows, int[] inputRows,
      int[] firstBlock, int time, int features) {
    this.data = data;
    this.offsets = offsets;
    this.rows = rows;
    this.inputRows = inputRows;
    this.firstBlock = firstBlock;
    this.time = time;
    this.features = features;
    this.firsts = new int[rows.length];
    int sum = 0;
    for (int b = 0; b < rows.length; b++) {
      firsts[b] = sum;
      sum += rows[b];
    }
    this.batch = sum;
  }

  static InputBlocks of(Tensor[] inputs) {
    int blocks = 0;
    for (Tensor x : inputs) {
      blocks += x.gatheredRows() != null ? x.shape().dim(0) : 1;
    }
    float[][] data = new float[blocks][];
    int[] offsets = new int[blocks];
    int[] rows = new int[blocks];
    int[] inputRows = new int[inputs.length];
    int[] firstBlock = new int[inputs.length + 1];
    int b = 0;
    for (int i = 0; i < inputs.length; i++) {
      Tensor x = inputs[i];
      firstBlock[i] = b;
      inputRows[i] = x.shape().dim(0);
      int[] chosen = x.gatheredRows();
      if (chosen == null) {
        data[b] = x.floatStorage();
        offsets[b] = x.storageOffset();
        rows[b++] = inputRows[i];
        continue;
      }
      int sample = x.shape().dim(1) * x.shape().dim(2);
      for (int r : chosen) {
        data[b] = x.gatheredStorage();
        offsets[b] = x.gatheredOffset() + r * sample;
        rows[b++] = 1;
      }
    }
    firstBlock[inputs.length] = b;
    return new InputBlocks(data, offsets, rows, inputRows, firstBlock,
        inputs[0].shape().dim(1), inputs[0].shape().dim(2));
  }

  /** The batch size of all blocks together. */
  int batch() {
    return batch;
  }

  private boolean manyBlocks() {
    return data.length > FEW_BLOCKS * inputRows.length;
  }

  /**
   * {@code x @ w} for every step, {@code w (features, n)}, laid out {@code (batch, time, n)} in a
   * pooled buffer (fully written).
   */
  float[] project(float[] w, int n) {
    float[] out = ScratchBuffers.take(batch * time * n);
    if (!manyBlocks()) {
      for (int b = 0; b < data.length; b++) {
        CpuGemm.get().sgemm(false, false, rows[b] * time, n, features, 1f, data[b], offsets[b],
            features, w, 0, n, 0f, out, firsts[b] * time * n, n);
      }
      return out;
    }
    CpuThreads.parallelFor(data.length, 2L * time * n * features / 64, (lo, hi) -> {
      Gemm gemm = CpuGemm.singleThreaded();
      for (int b = lo; b < hi; b++) {
        gemm.sgemm(false, false, rows[b] * time, n, features, 1f, data[b], offsets[b], features,
            w, 0, n, 0f, out, firsts[b] * time * n, n);
      }
    });
    return out;
  }

  /**
   * An unfilled buffer for {@link #projectRows}: {@code (batch, time, n)}, from the pool, each
   * row written by the chunk that owns it.
   */
  float[] projectionBuffer(int n) {
    return ScratchBuffers.take(batch * time * n);
  }

  /**
   * {@code x @ w} for batch rows {@code [lo, hi)} only, on this thread, into their rows of
   * {@code out} (laid out as {@link #project}'s result): one GEMM per block those rows touch.
   */
  void projectRows(int lo, int hi, float[] w, int n, float[] out) {
    Gemm gemm = CpuGemm.singleThreaded();
    forEachPart(lo, hi, (b, from, to) -> gemm.sgemm(false, false, (to - from) * time, n,
        features, 1f, data[b], offsets[b] + (from - firsts[b]) * time * features, features, w, 0,
        n, 0f, out, from * time * n, n));
  }

  /**
   * The kernel's gradient from batch rows {@code [lo, hi)} only, on this thread: {@code x^T @ d}
   * over those rows, {@code d} laid out as in {@link #kernelGradient}.
   */
  float[] kernelGradientRows(int lo, int hi, float[] d, int n) {
    float[] dw = new float[features * n];
    Gemm gemm = CpuGemm.singleThreaded();
    forEachPart(lo, hi, (b, from, to) -> gemm.sgemm(true, false, features, n,
        (to - from) * time, 1f, data[b], offsets[b] + (from - firsts[b]) * time * features,
        features, d, from * time * n, n, 1f, dw, 0, n));
    return dw;
  }

  /** A block's share of a range of batch rows: block {@code b}'s rows {@code [from, to)}. */
  @FunctionalInterface
  private interface BlockPart {
    void run(int b, int from, int to);
  }

  /** Runs {@code part} for each block that batch rows {@code [lo, hi)} touch, in order. */
  private void forEachPart(int lo, int hi, BlockPart part) {
    for (int b = 0; b < data.length; b++) {
      int from = Math.max(lo, firsts[b]);
      int to = Math.min(hi, firsts[b] + rows[b]);
      if (from < to) {
        part.run(b, from, to);
      }
    }
  }

  /**
   * The kernel's gradient {@code x^T @ d} summed over all blocks, where {@code d (batch * time,
   * n)} holds the input-side pre-activation gradients.
   */
  float[] kernelGradient(float[] d, int n) {
    float[] dw = new float[features * n];
    if (!manyBlocks()) {
      for (int b = 0; b < data.length; b++) {
        SummedProduct.compute(data[b], offsets[b], features, d, firsts[b] * time * n, n,
            rows[b] * time, features, n, b == 0 ? 0f : 1f, dw, 0, n);
      }
      return dw;
    }
    // Each thread sums its blocks into its own partial product, added in block order.
    SummedProduct.inPartials(data.length, 2L * time * n * features / 64, features, n, 0f, dw, 0,
        n, (lo, hi, p) -> {
          Gemm gemm = CpuGemm.singleThreaded();
          for (int b = lo; b < hi; b++) {
            gemm.sgemm(true, false, features, n, rows[b] * time, 1f, data[b], offsets[b],
                features, d, firsts[b] * time * n, n, b == lo ? 0f : 1f, p, 0, n);
          }
        });
    return dw;
  }

  /**
   * Each input's gradient {@code d_i @ w^T}, {@code w (features, n)}, shaped like the input
   * (one GEMM per block, into the input's rows that the block holds).
   */
  Tensor[] inputGradients(float[] d, int n, float[] w) {
    Tensor[] out = new Tensor[inputRows.length];
    for (int i = 0; i < inputRows.length; i++) {
      int size = inputRows[i] * time * features;
      // The GEMMs (beta 0) write dx whole unless there is nothing to sum.
      float[] dx = n == 0 ? StepArena.zeroedFloats(size) : StepArena.floats(size);
      int row = 0;
      for (int b = firstBlock[i]; b < firstBlock[i + 1]; b++) {
        CpuGemm.get().sgemm(false, true, rows[b] * time, features, n, 1f, d,
            firsts[b] * time * n, n, w, 0, n, 0f, dx, row * time * features, features);
        row += rows[b];
      }
      out[i] = Tensor.wrap(dx, Shape.of(inputRows[i], time, features));
    }
    return out;
  }
}
