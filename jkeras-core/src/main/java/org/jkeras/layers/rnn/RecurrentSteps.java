package org.jkeras.layers.rnn;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.DType;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.ConcatOps;
import org.jkeras.ops.IndexingOps;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;

/**
 * The unfused recurrent loop, one step at a time from ops, for what the fused kernels cannot do:
 * Keras 3's recurrent dropout, which multiplies the previous state by a separate mask per gate
 * before each gate's recurrent product (its cells' {@code implementation=1}). Only training with
 * {@code recurrent_dropout > 0} comes here; gradients come from the tape, step by step.
 *
 * <p>The input side of every step is still computed at once: the input dropout masks are
 * constant over time, so each gate's projection {@code (x * mask_k) @ W_k + b_k} is one matrix
 * product over all steps.
 */
final class RecurrentSteps {
  private RecurrentSteps() {}

  /** One cell step: from each gate's input projection and the states, the new states (h first). */
  interface Cell {
    List<Tensor> step(List<Tensor> inputGates, List<Tensor> states, List<Tensor> recurrentMasks);
  }

  /**
   * Runs {@code cell} over {@code x (batch, time, features)}: returns {@code [sequence,
   * states...]} like the fused ops, with the same masking and {@code go_backwards} semantics.
   *
   * @param kernel {@code (features, gates * units)}
   * @param inputBias {@code (gates * units)} or null
   * @param inputMasks one {@code (batch, features)} mask per gate, or null
   * @param mask {@code (batch, time)}, any dtype, or null
   */
  static List<Tensor> run(Tensor x, List<Tensor> initialStates, Tensor kernel, Tensor inputBias,
      int gates, int units, List<Tensor> inputMasks, List<Tensor> recurrentMasks, Tensor mask,
      RecurrentOptions o, Cell cell) {
    int nb = x.shape().dim(0);
    int nt = x.shape().dim(1);
    int nf = x.shape().dim(2);
    List<Tensor> projections = new ArrayList<>(gates);
    for (int k = 0; k < gates; k++) {
      Tensor xk = inputMasks == null ? x
          : MathOps.multiply(x, ArrayOps.expandDims(inputMasks.get(k), 1));
      Tensor wk = IndexingOps.slice(kernel, new int[] {0, k * units}, new int[] {nf, units});
      Tensor p = LinalgOps.matmul(ArrayOps.reshape(xk, nb * nt, nf), wk);
      if (inputBias != null) {
        p = MathOps.add(p, IndexingOps.slice(inputBias, new int[] {k * units}, new int[] {units}));
      }
      projections.add(ArrayOps.reshape(p, nb, nt, units));
    }
    Tensor keep = mask == null ? null : MathOps.cast(MathOps.cast(mask, DType.BOOL), DType.FLOAT32);
    List<Tensor> states = new ArrayList<>(initialStates);
    List<Tensor> outputs = new ArrayList<>(nt);
    for (int s = 0; s < nt; s++) {
      int t = o.goBackwards() ? nt - 1 - s : s;
      List<Tensor> xt = new ArrayList<>(gates);
      for (Tensor p : projections) {
        xt.add(ArrayOps.reshape(IndexingOps.slice(p, new int[] {0, t, 0},
            new int[] {nb, 1, units}), nb, units));
      }
      List<Tensor> next = cell.step(xt, states, recurrentMasks);
      if (keep == null) {
        states = next;
        outputs.add(next.get(0));
        continue;
      }
      Tensor m = IndexingOps.slice(keep, new int[] {0, t}, new int[] {nb, 1});
      Tensor off = MathOps.subtract(1f, m);
      List<Tensor> carried = new ArrayList<>(next.size());
      for (int i = 0; i < next.size(); i++) {
        carried.add(MathOps.add(MathOps.multiply(m, next.get(i)),
            MathOps.multiply(off, states.get(i))));
      }
      states = carried;
      // A masked step repeats the previous output (the carried h), or outputs zeros.
      outputs.add(o.zeroOutputForMask() ? MathOps.multiply(m, next.get(0)) : carried.get(0));
    }
    List<Tensor> out = new ArrayList<>();
    out.add(ConcatOps.stack(outputs, 1));
    out.addAll(states);
    return out;
  }

  /** Columns {@code [k * units, (k + 1) * units)} of a {@code (rows, gates * units)} matrix. */
  static Tensor block(Tensor matrix, int k, int units) {
    int rows = matrix.shape().dim(0);
    return IndexingOps.slice(matrix, new int[] {0, k * units}, new int[] {rows, units});
  }

  /** {@code h * mask}, or {@code h} when there is no mask. */
  static Tensor dropped(Tensor h, List<Tensor> masks, int k) {
    return masks == null ? h : MathOps.multiply(h, masks.get(k));
  }
}
