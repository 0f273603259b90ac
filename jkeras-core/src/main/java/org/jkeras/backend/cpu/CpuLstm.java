package org.jkeras.backend.cpu;

import static org.jkeras.backend.cpu.GateMath.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import org.jkeras.backend.CellActivation;
import org.jkeras.backend.RecurrentGradients;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.RecurrentResult;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * The fused LSTM: one GEMM projects every timestep's input, then each step adds {@code h @ U}
 * straight into that projection (a GEMM with a strided output) and finishes the gates in one
 * vectorised pass. Batch rows are independent, so long sequences split the batch over threads
 * with no synchronisation per step. The backward pass mirrors it and ends with one GEMM per
 * weight gradient.
 */
final class CpuLstm {
  private CpuLstm() {}

  static RecurrentResult forward(Tensor inputs, Tensor h0, Tensor c0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias, Tensor mask, RecurrentOptions o, boolean keep) {
    int nb = inputs.shape().dim(0);
    int nt = inputs.shape().dim(1);
    int nf = inputs.shape().dim(2);
    int nu = recurrentKernel.shape().dim(0);
    int ng = 4 * nu;
    float[] x = inputs.floatData();
    float[] u = recurrentKernel.floatData();
    float[] b = bias != null ? bias.floatData() : new float[ng];
    float[] gates = RecurrentSupport.project(x, nb * nt, nf, kernel.floatData(), ng);
    boolean[] flags = RecurrentSupport.keepFlags(mask);
    float[] seq = new float[nb * nt * nu];
    float[] h = h0.floatData().clone();
    float[] c = c0.floatData().clone();
    float[] hPrev = keep ? new float[nb * nt * nu] : null;
    float[] cPrev = keep ? new float[nb * nt * nu] : null;
    CellActivation act = o.activation();
    CellActivation rec = o.recurrentActivation();
    CpuThreads.parallelFor(nb, RecurrentSupport.workPerRow(nt, nu, ng), (lo, hi) -> {
      Gemm gemm = CpuGemm.singleThreaded();
      for (int s = 0; s < nt; s++) {
        int t = RecurrentSupport.inputTime(s, nt, o.goBackwards());
        if (keep) {
          for (int r = lo; r < hi; r++) {
            System.arraycopy(h, r * nu, hPrev, (r * nt + t) * nu, nu);
            System.arraycopy(c, r * nu, cPrev, (r * nt + t) * nu, nu);
          }
        }
        gemm.sgemm(false, false, hi - lo, ng, nu, 1f, h, lo * nu, nu, u, 0, ng, 1f, gates,
            (lo * nt + t) * ng, nt * ng);
        for (int r = lo; r < hi; r++) {
          int out = (r * nt + s) * nu;
          if (flags != null && !flags[r * nt + t]) {
            if (!o.zeroOutputForMask()) {
              System.arraycopy(h, r * nu, seq, out, nu);
            }
            continue;
          }
          step(gates, (r * nt + t) * ng, b, h, c, r * nu, seq, out, nu, act, rec);
        }
      }
    });
    Tensor[] states = {Tensor.wrap(h, h0.shape()), Tensor.wrap(c, c0.shape())};
    RecurrentTrace trace = !keep ? null : new RecurrentTrace(RecurrentTrace.Cell.LSTM, o, nb, nt,
        nf, nu, x, kernel.floatData(), u, bias != null, flags, gates, hPrev, cPrev);
    return new RecurrentResult(Tensor.wrap(seq, Shape.of(nb, nt, nu)), states, trace);
  }

  /** Activates one row's gates in place and advances its h and c. */
  private static void step(float[] g, int go, float[] b, float[] h, float[] c, int so,
      float[] seq, int out, int nu, CellActivation act, CellActivation rec) {
    for (int j = 0; j < nu; j += GateMath.L) {
      VectorMask<Float> m = GateMath.mask(j, nu);
      FloatVector i = gate(g, go + j, b, j, m, rec);
      FloatVector f = gate(g, go + nu + j, b, nu + j, m, rec);
      FloatVector cc = gate(g, go + 2 * nu + j, b, 2 * nu + j, m, act);
      FloatVector og = gate(g, go + 3 * nu + j, b, 3 * nu + j, m, rec);
      FloatVector cn = f.mul(FloatVector.fromArray(S, c, so + j, m)).add(i.mul(cc));
      FloatVector hn = og.mul(GateMath.apply(act, cn));
      cn.intoArray(c, so + j, m);
      hn.intoArray(h, so + j, m);
      hn.intoArray(seq, out + j, m);
    }
  }

  /** {@code a(g[k] + b[bk])} for one vector of a gate, stored back into {@code g}. */
  private static FloatVector gate(float[] g, int k, float[] b, int bk, VectorMask<Float> m,
      CellActivation a) {
    FloatVector v = GateMath.apply(a,
        FloatVector.fromArray(S, g, k, m).add(FloatVector.fromArray(S, b, bk, m)));
    v.intoArray(g, k, m);
    return v;
  }

  static RecurrentGradients backward(RecurrentTrace tr, float[] dSeq, float[] dhLast,
      float[] dcLast, boolean inputsGradient) {
    int nb = tr.batch;
    int nt = tr.time;
    int nu = tr.units;
    int ng = 4 * nu;
    float[] dg = new float[nb * nt * ng];
    float[] dh = dhLast.clone();
    float[] dc = dcLast.clone();
    RecurrentOptions o = tr.options;
    CpuThreads.parallelFor(nb, RecurrentSupport.workPerRow(nt, nu, ng), (lo, hi) -> {
      Gemm gemm = CpuGemm.singleThreaded();
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
          stepBack(tr, (r * nt + t), dg, dh, dc, r * nu, dSeq, ds);
        }
        gemm.sgemm(false, true, hi - lo, nu, ng, 1f, dg, (lo * nt + t) * ng, nt * ng,
            tr.recurrentKernel, 0, ng, 1f, dh, lo * nu, nu);
      }
    });
    float[] db = new float[ng];
    if (tr.hasBias) {
      RecurrentSupport.columnSums(dg, nb * nt, ng, 0, ng, db, 0);
    }
    return RecurrentSupport.finish(tr, dg, ng, RecurrentSupport.recurrentKernelGradient(tr, dg, ng),
        db, Shape.of(ng), inputsGradient,
        new Tensor[] {Tensor.wrap(dh, Shape.of(nb, nu)), Tensor.wrap(dc, Shape.of(nb, nu))});
  }

  /** One row's gate gradients at one step; leaves the carry's gradient for the step before. */
  private static void stepBack(RecurrentTrace tr, int row, float[] dg, float[] dh, float[] dc,
      int so, float[] dSeq, int ds) {
    int nu = tr.units;
    int go = row * 4 * nu;
    int po = row * nu;
    float[] g = tr.gates;
    CellActivation act = tr.options.activation();
    CellActivation rec = tr.options.recurrentActivation();
    for (int j = 0; j < nu; j += GateMath.L) {
      VectorMask<Float> m = GateMath.mask(j, nu);
      FloatVector i = FloatVector.fromArray(S, g, go + j, m);
      FloatVector f = FloatVector.fromArray(S, g, go + nu + j, m);
      FloatVector cc = FloatVector.fromArray(S, g, go + 2 * nu + j, m);
      FloatVector og = FloatVector.fromArray(S, g, go + 3 * nu + j, m);
      FloatVector cp = FloatVector.fromArray(S, tr.extra, po + j, m);
      FloatVector ac = GateMath.apply(act, f.mul(cp).add(i.mul(cc)));
      FloatVector dht = FloatVector.fromArray(S, dh, so + j, m)
          .add(FloatVector.fromArray(S, dSeq, ds + j, m));
      FloatVector dct = FloatVector.fromArray(S, dc, so + j, m)
          .add(dht.mul(og).mul(GateMath.derivative(act, ac)));
      dct.mul(cc).mul(GateMath.derivative(rec, i)).intoArray(dg, go + j, m);
      dct.mul(cp).mul(GateMath.derivative(rec, f)).intoArray(dg, go + nu + j, m);
      dct.mul(i).mul(GateMath.derivative(act, cc)).intoArray(dg, go + 2 * nu + j, m);
      dht.mul(ac).mul(GateMath.derivative(rec, og)).intoArray(dg, go + 3 * nu + j, m);
      dct.mul(f).intoArray(dc, so + j, m);
      FloatVector.zero(S).intoArray(dh, so + j, m);
    }
  }
}
