package org.jkeras.backend.cpu;

import org.jkeras.backend.CellActivation;
import org.jkeras.backend.RecurrentGradients;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.RecurrentResult;
import org.jkeras.backend.ScratchBuffers;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** The fused SimpleRNN, {@code h_t = act(x_t W + h_{t-1} U + b)}, laid out like {@link CpuLstm}. */
final class CpuSimpleRnn {
  private CpuSimpleRnn() {}

  static RecurrentResult forward(Tensor[] inputs, Tensor h0, Tensor kernel, Tensor recurrentKernel,
      Tensor bias, Tensor mask, RecurrentOptions o, boolean keep) {
    InputBlocks x = InputBlocks.of(inputs);
    int nb = x.batch();
    int nt = x.time;
    int nf = x.features;
    int nu = recurrentKernel.shape().dim(0);
    float[] u = recurrentKernel.floatData();
    float[] b = bias != null ? bias.floatData() : new float[nu];
    boolean[] flags = RecurrentSupport.keepFlags(mask);
    float[] seq = new float[nb * nt * nu];
    float[] h = h0.floatData().clone();
    float[] hPrev = keep ? new float[nb * nt * nu] : null;
    CellActivation act = o.activation();
    float[] projected = RecurrentSupport.projectAndRun(x, kernel.floatData(), nu,
        RecurrentSupport.workPerRow(nt, nu, nu), (z, lo, hi) -> {
      Gemm gemm = StepGemm.over(CpuGemm.singleThreaded());
      float[] rc = new float[(hi - lo) * nu];
      for (int s = 0; s < nt; s++) {
        int t = RecurrentSupport.inputTime(s, nt, o.goBackwards());
        if (keep) {
          for (int r = lo; r < hi; r++) {
            System.arraycopy(h, r * nu, hPrev, (r * nt + t) * nu, nu);
          }
        }
        gemm.sgemm(false, false, hi - lo, nu, nu, 1f, h, lo * nu, nu, u, 0, nu, 0f, rc, 0, nu);
        for (int r = lo; r < hi; r++) {
          int out = (r * nt + s) * nu;
          int zo = (r * nt + t) * nu;
          if (flags != null && !flags[r * nt + t]) {
            if (!o.zeroOutputForMask()) {
              System.arraycopy(h, r * nu, seq, out, nu);
            }
            continue;
          }
          RecurrentSupport.addInto(z, zo, rc, (r - lo) * nu, b, 0, nu);
          GateMath.activate(act, z, zo, nu);
          System.arraycopy(z, zo, h, r * nu, nu);
          System.arraycopy(z, zo, seq, out, nu);
        }
      }
    });
    if (!keep) {
      ScratchBuffers.give(projected);
    }
    RecurrentTrace trace = !keep ? null : new RecurrentTrace(RecurrentTrace.Cell.SIMPLE_RNN, o,
        nb, nt, nf, nu, x, kernel.floatData(), u, bias != null, flags, projected, hPrev, null, null);
    return new RecurrentResult(Tensor.wrap(seq, Shape.of(nb, nt, nu)),
        new Tensor[] {Tensor.wrap(h, h0.shape())}, trace);
  }

  static RecurrentGradients backward(RecurrentTrace tr, float[] dSeq, float[] dhLast,
      boolean inputsGradient) {
    int nb = tr.batch;
    int nt = tr.time;
    int nu = tr.units;
    float[] dg = new float[nb * nt * nu];
    float[] dh = dhLast.clone();
    RecurrentOptions o = tr.options;
    CellActivation act = o.activation();
    // U^T, so that each step's dG @ U^T reads its rows in place.
    float[] ut = StepGemm.transpose(tr.recurrentKernel, nu, nu);
    CpuThreads.parallelFor(nb, RecurrentSupport.workPerRow(nt, nu, nu), (lo, hi) -> {
      Gemm gemm = StepGemm.over(CpuGemm.singleThreaded());
      for (int s = nt - 1; s >= 0; s--) {
        int t = RecurrentSupport.inputTime(s, nt, o.goBackwards());
        for (int r = lo; r < hi; r++) {
          int ds = (r * nt + s) * nu;
          if (!tr.on(r, t)) {
            if (!o.zeroOutputForMask()) {
              RecurrentSupport.addInto(dh, r * nu, dSeq, ds, nu);
            }
            continue;
          }
          int go = (r * nt + t) * nu;
          System.arraycopy(dh, r * nu, dg, go, nu);
          RecurrentSupport.addInto(dg, go, dSeq, ds, nu);
          java.util.Arrays.fill(dh, r * nu, (r + 1) * nu, 0f);
          GateMath.scaleByDerivative(act, tr.gates, go, dg, go, nu);
        }
        gemm.sgemm(false, false, hi - lo, nu, nu, 1f, dg, (lo * nt + t) * nu, nt * nu, ut, 0,
            nu, 1f, dh, lo * nu, nu);
      }
    });
    float[] db = new float[nu];
    if (tr.hasBias) {
      RecurrentSupport.columnSums(dg, nb * nt, nu, 0, nu, db, 0);
    }
    return RecurrentSupport.finish(tr, dg, nu, RecurrentSupport.recurrentKernelGradient(tr, dg, nu),
        db, Shape.of(nu), inputsGradient, new Tensor[] {Tensor.wrap(dh, Shape.of(nb, nu))});
  }
}
