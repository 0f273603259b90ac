package org.jkeras.backend.cpu;

import static org.jkeras.backend.cpu.GateMath.L;
import static org.jkeras.backend.cpu.GateMath.S;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import org.jkeras.backend.CellActivation;
import org.jkeras.backend.RecurrentGradients;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.RecurrentResult;
import org.jkeras.backend.ScratchBuffers;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * The fused LSTM: one GEMM per input block projects every timestep's input, each step adds one
 * small GEMM {@code h @ U} into its rows and finishes the gates in short vector passes over each
 * row (two with Keras's default activations, see {@link LstmCell}). Batch rows are independent, so long sequences split the
 * batch over threads with no synchronisation per step. The backward pass mirrors it and ends
 * with one GEMM per weight gradient.
 */
final class CpuLstm {
  private CpuLstm() {}

  static RecurrentResult forward(Tensor[] inputs, Tensor h0, Tensor c0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias, Tensor mask, RecurrentOptions o, boolean keep) {
    InputBlocks x = InputBlocks.of(inputs);
    int nb = x.batch();
    int nt = x.time;
    int nf = x.features;
    int nu = recurrentKernel.shape().dim(0);
    int ng = 4 * nu;
    float[] u = recurrentKernel.floatData();
    float[] b = bias != null ? bias.floatData() : new float[ng];
    boolean[] flags = RecurrentSupport.keepFlags(mask);
    // Not written at all when the caller wants only the final states (return_sequences=False).
    float[] seq = o.sequenceOutput() ? new float[nb * nt * nu] : null;
    float[] h = h0.floatData().clone();
    float[] c = c0.floatData().clone();
    // From the pool: every step writes hPrev and cPrev, and actC where backward reads it.
    float[] hPrev = keep ? ScratchBuffers.take(nb * nt * nu) : null;
    float[] cPrev = keep ? ScratchBuffers.take(nb * nt * nu) : null;
    float[] actC = keep ? ScratchBuffers.take(nb * nt * nu) : null;
    CellActivation act = o.activation();
    CellActivation rec = o.recurrentActivation();
    // Keras's default activations have a cell in two passes per row (LstmCell); others take
    // the general passes below.
    boolean defaults = rec == CellActivation.SIGMOID && act == CellActivation.TANH;
    float[] gates = RecurrentSupport.projectAndRun(x, kernel.floatData(), ng,
        RecurrentSupport.workPerRow(nt, nu, ng), (g, lo, hi) -> {
      Gemm gemm = StepGemm.over(CpuGemm.singleThreaded());
      float[] tmp = new float[nu];
      for (int s = 0; s < nt; s++) {
        int t = RecurrentSupport.inputTime(s, nt, o.goBackwards());
        // The state before the step goes to hPrev and cPrev for the backward pass: saved by
        // the default cell as it reads it, copied here for the others and for masked rows.
        if (keep) {
          for (int r = lo; r < hi; r++) {
            if (!defaults || (flags != null && !flags[r * nt + t])) {
              System.arraycopy(h, r * nu, hPrev, (r * nt + t) * nu, nu);
              System.arraycopy(c, r * nu, cPrev, (r * nt + t) * nu, nu);
            }
          }
        }
        // h @ U accumulates straight into this step's rows of the projection (masked rows' sums
        // are never read).
        gemm.sgemm(false, false, hi - lo, ng, nu, 1f, h, lo * nu, nu, u, 0, ng, 1f, g,
            (lo * nt + t) * ng, nt * ng);
        for (int r = lo; r < hi; r++) {
          int out = (r * nt + s) * nu;
          int row = r * nt + t;
          if (flags != null && !flags[row]) {
            if (seq != null && !o.zeroOutputForMask()) {
              System.arraycopy(h, r * nu, seq, out, nu);
            }
            continue;
          }
          int go = row * ng;
          float[] ac = keep ? actC : tmp;
          int ao = keep ? row * nu : 0;
          if (defaults) {
            LstmCell.gates(g, go, b, nu);
            LstmCell.carry(g, go, c, r * nu, h, r * nu, ac, ao, hPrev, cPrev, row * nu, nu);
            if (seq != null) {
              System.arraycopy(h, r * nu, seq, out, nu);
            }
            continue;
          }
          RecurrentSupport.addInto(g, go, b, 0, ng);
          GateMath.activate(rec, g, go, 2 * nu);
          GateMath.activate(act, g, go + 2 * nu, nu);
          GateMath.activate(rec, g, go + 3 * nu, nu);
          carry(g, go, c, r * nu, ac, ao, nu);
          GateMath.activate(act, ac, ao, nu);
          output(g, go + 3 * nu, ac, ao, h, r * nu, seq, out, nu);
        }
      }
    });
    Tensor[] states = {Tensor.wrap(h, h0.shape()), Tensor.wrap(c, c0.shape())};
    if (!keep) {
      ScratchBuffers.give(gates);
    }
    RecurrentTrace trace = !keep ? null : new RecurrentTrace(RecurrentTrace.Cell.LSTM, o, nb, nt,
        nf, nu, x, kernel.floatData(), u, bias != null, flags, gates, hPrev, cPrev, actC);
    return new RecurrentResult(seq == null ? null : Tensor.wrap(seq, Shape.of(nb, nt, nu)), states,
        trace);
  }

  /** {@code c = f * c + i * g}, also copied to {@code ac} (activated next). */
  private static void carry(float[] g, int go, float[] c, int co, float[] ac, int ao, int nu) {
    int j = 0;
    for (int end = S.loopBound(nu); j < end; j += L) {
      FloatVector i = FloatVector.fromArray(S, g, go + j);
      FloatVector f = FloatVector.fromArray(S, g, go + nu + j);
      FloatVector cc = FloatVector.fromArray(S, g, go + 2 * nu + j);
      FloatVector cn = f.mul(FloatVector.fromArray(S, c, co + j)).add(i.mul(cc));
      cn.intoArray(c, co + j);
      cn.intoArray(ac, ao + j);
    }
    for (; j < nu; j++) {
      float cn = g[go + nu + j] * c[co + j] + g[go + j] * g[go + 2 * nu + j];
      c[co + j] = cn;
      ac[ao + j] = cn;
    }
  }

  /** {@code h = o * act(c)}, into the state and (when kept) the output sequence. */
  private static void output(float[] g, int oo, float[] ac, int ao, float[] h, int ho,
      float[] seq, int out, int nu) {
    int j = 0;
    for (int end = S.loopBound(nu); j < end; j += L) {
      FloatVector hn = FloatVector.fromArray(S, g, oo + j)
          .mul(FloatVector.fromArray(S, ac, ao + j));
      hn.intoArray(h, ho + j);
    }
    for (; j < nu; j++) {
      h[ho + j] = g[oo + j] * ac[ao + j];
    }
    if (seq != null) {
      System.arraycopy(h, ho, seq, out, nu);
    }
  }

  static RecurrentGradients backward(RecurrentTrace tr, float[] dSeq, float[] dhLast,
      float[] dcLast, boolean inputsGradient) {
    int nb = tr.batch;
    int nt = tr.time;
    int nu = tr.units;
    int ng = 4 * nu;
    // Masked steps leave their rows of dg untouched, and the weight gradients sum every row.
    float[] dg = tr.keep == null ? ScratchBuffers.take(nb * nt * ng)
        : ScratchBuffers.takeZeroed(nb * nt * ng);
    float[] dh = dhLast.clone();
    float[] dc = dcLast.clone();
    RecurrentOptions o = tr.options;
    CellActivation act = o.activation();
    CellActivation rec = o.recurrentActivation();
    // The bias gradient sums each row of dg as it is made (while in cache), per chunk of rows;
    // the chunks are added in row order afterwards, so the result does not depend on timing.
    float[][] biasParts = new float[nb][];
    boolean defaults = rec == CellActivation.SIGMOID && act == CellActivation.TANH;
    // U^T, so that each step's dG @ U^T reads its rows in place.
    float[] ut = StepGemm.transpose(tr.recurrentKernel, nu, ng);
    // When the rows split over every thread, each thread also sums its rows' shares of the two
    // weight gradients, so the whole backward pass is one parallel section (see
    // RecurrentSupport.projectAndRun for why fewer sections pay).
    long work = RecurrentSupport.workPerRow(nt, nu, ng) + (long) nt * (tr.features + nu) * ng;
    boolean weightsInChunks = RecurrentSupport.splitsOverEveryThread(nb, work);
    float[][] kernelParts = new float[nb][];
    float[][] recurrentParts = new float[nb][];
    CpuThreads.parallelFor(nb, work, (lo, hi) -> {
      Gemm gemm = StepGemm.over(CpuGemm.singleThreaded());
      float[] tmp = new float[nu];
      float[] dbPart = tr.hasBias ? new float[ng] : null;
      for (int s = nt - 1; s >= 0; s--) {
        int t = RecurrentSupport.inputTime(s, nt, o.goBackwards());
        for (int r = lo; r < hi; r++) {
          int ds = (r * nt + s) * nu;
          int row = r * nt + t;
          if (!tr.on(r, t)) {
            if (dSeq != null && !o.zeroOutputForMask()) {
              RecurrentSupport.addInto(dh, r * nu, dSeq, ds, nu);
            }
            continue;
          }
          int go = row * ng;
          if (defaults) {
            if (dSeq != null) {
              RecurrentSupport.addInto(dh, r * nu, dSeq, ds, nu);
            }
            LstmCell.backward(tr.gates, go, tr.activatedCarry, tr.extra, row * nu, dg, dh, dc,
                r * nu, nu);
            if (dbPart != null) {
              RecurrentSupport.addInto(dbPart, 0, dg, go, ng);
            }
            continue;
          }
          outputBack(tr, row, dg, dh, r * nu, dSeq, ds, tmp);
          GateMath.scaleByDerivative(act, tr.activatedCarry, row * nu, tmp, 0, nu);
          carryBack(tr, row, dg, dh, dc, r * nu, tmp);
          GateMath.scaleByDerivative(rec, tr.gates, go, dg, go, 2 * nu);
          GateMath.scaleByDerivative(act, tr.gates, go + 2 * nu, dg, go + 2 * nu, nu);
          GateMath.scaleByDerivative(rec, tr.gates, go + 3 * nu, dg, go + 3 * nu, nu);
          if (dbPart != null) {
            RecurrentSupport.addInto(dbPart, 0, dg, go, ng);
          }
        }
        gemm.sgemm(false, false, hi - lo, nu, ng, 1f, dg, (lo * nt + t) * ng, nt * ng, ut, 0,
            nu, 1f, dh, lo * nu, nu);
      }
      biasParts[lo] = dbPart;
      if (weightsInChunks) {
        kernelParts[lo] = tr.inputs.kernelGradientRows(lo, hi, dg, ng);
        float[] du = new float[nu * ng];
        CpuGemm.singleThreaded().sgemm(true, false, nu, ng, (hi - lo) * nt, 1f, tr.hPrev,
            lo * nt * nu, nu, dg, lo * nt * ng, ng, 0f, du, 0, ng);
        recurrentParts[lo] = du;
      }
    });
    float[] db = tr.hasBias ? RecurrentSupport.sumInOrder(biasParts) : new float[ng];
    Tensor[] dStates = {Tensor.wrap(dh, Shape.of(nb, nu)), Tensor.wrap(dc, Shape.of(nb, nu))};
    RecurrentGradients grads = weightsInChunks
        ? RecurrentSupport.finish(tr, dg, ng, RecurrentSupport.sumInOrder(kernelParts),
            RecurrentSupport.sumInOrder(recurrentParts), db, Shape.of(ng), inputsGradient,
            dStates)
        : RecurrentSupport.finish(tr, dg, ng, RecurrentSupport.recurrentKernelGradient(tr, dg,
            ng), db, Shape.of(ng), inputsGradient, dStates);
    ScratchBuffers.give(dg);
    return grads;
  }

  /**
   * From {@code dh} (state plus output; a null {@code dSeq} counts as zero): the output gate's
   * gradient and {@code dh * o}.
   */
  private static void outputBack(RecurrentTrace tr, int row, float[] dg, float[] dh, int so,
      float[] dSeq, int ds, float[] tmp) {
    if (dSeq != null) {
      RecurrentSupport.addInto(dh, so, dSeq, ds, tr.units);
    }
    int nu = tr.units;
    int oo = row * 4 * nu + 3 * nu;
    int po = row * nu;
    float[] ac = tr.activatedCarry;
    float[] g = tr.gates;
    int j = 0;
    for (int end = S.loopBound(nu); j < end; j += L) {
      FloatVector dht = FloatVector.fromArray(S, dh, so + j);
      dht.mul(FloatVector.fromArray(S, ac, po + j)).intoArray(dg, oo + j);
      dht.mul(FloatVector.fromArray(S, g, oo + j)).intoArray(tmp, j);
    }
    for (; j < nu; j++) {
      float dht = dh[so + j];
      dg[oo + j] = dht * ac[po + j];
      tmp[j] = dht * g[oo + j];
    }
  }

  /** From the carry's gradient: those of i, f and the candidate, and the carry's before. */
  private static void carryBack(RecurrentTrace tr, int row, float[] dg, float[] dh, float[] dc,
      int so, float[] tmp) {
    int nu = tr.units;
    int go = row * 4 * nu;
    int po = row * nu;
    float[] g = tr.gates;
    float[] cp = tr.extra;
    int j = 0;
    for (int end = S.loopBound(nu); j < end; j += L) {
      FloatVector dct = FloatVector.fromArray(S, dc, so + j)
          .add(FloatVector.fromArray(S, tmp, j));
      dct.mul(FloatVector.fromArray(S, g, go + 2 * nu + j)).intoArray(dg, go + j);
      dct.mul(FloatVector.fromArray(S, cp, po + j)).intoArray(dg, go + nu + j);
      dct.mul(FloatVector.fromArray(S, g, go + j)).intoArray(dg, go + 2 * nu + j);
      dct.mul(FloatVector.fromArray(S, g, go + nu + j)).intoArray(dc, so + j);
    }
    for (; j < nu; j++) {
      float dct = dc[so + j] + tmp[j];
      dg[go + j] = dct * g[go + 2 * nu + j];
      dg[go + nu + j] = dct * cp[po + j];
      dg[go + 2 * nu + j] = dct * g[go + j];
      dc[so + j] = dct * g[go + nu + j];
    }
    Arrays.fill(dh, so, so + nu, 0f);
  }
}
