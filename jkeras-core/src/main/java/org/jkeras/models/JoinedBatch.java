package org.jkeras.models;

import java.util.List;
import org.jkeras.backend.DType;
import org.jkeras.backend.ScratchBuffers;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.ConcatOps;
import org.jkeras.ops.GradientTape;

/**
 * Several same-shaped float batches stacked along the batch axis for one shared-layer call
 * ({@link GraphExecutor}), in a reused scratch buffer: the stacked copy lives only until the call
 * and its backward pass are done, so a fresh array per step would be pure allocation cost. On a
 * tape that tracks the parts, the stacking is recorded (its gradient splits the rows back).
 */
final class JoinedBatch {
  private final Tensor joined;
  private final boolean scratch;

  private JoinedBatch(Tensor joined, boolean scratch) {
    this.joined = joined;
    this.scratch = scratch;
  }

  /** The parts stacked; the caller calls {@link #release} once it no longer reads the result. */
  static JoinedBatch of(List<Tensor> parts) {
    Tensor first = parts.get(0);
    for (Tensor p : parts) {
      if (p.dtype() != DType.FLOAT32 || !p.shape().equals(first.shape())) {
        return new JoinedBatch(ConcatOps.concatenate(parts, 0), false);
      }
    }
    int size = first.size();
    float[] data = ScratchBuffers.take(size * parts.size());
    for (int i = 0; i < parts.size(); i++) {
      System.arraycopy(parts.get(i).floatData(), 0, data, i * size, size);
    }
    int[] dims = first.shape().dims();
    dims[0] *= parts.size();
    Tensor joined = Tensor.wrap(data, Shape.of(dims));
    Tensor[] inputs = parts.toArray(new Tensor[0]);
    if (GradientTape.shouldRecord(inputs)) {
      GradientTape.record("concatenate", new Tensor[] {joined}, inputs,
          g -> ConcatOps.split(g[0], inputs.length, 0).toArray(new Tensor[0]));
    }
    return new JoinedBatch(joined, true);
  }

  Tensor tensor() {
    return joined;
  }

  /** Gives the buffer back once no open tape can read it any more (now, when none is open). */
  void release() {
    if (scratch) {
      float[] data = joined.floatData();
      GradientTape.releaseWhenClosed(() -> ScratchBuffers.give(data));
    }
  }
}
