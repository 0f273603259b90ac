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
 * The fused GRU (gate order z, r, h), in both Keras forms: reset-after (the Keras 3 default,
 * {@code hh = act(x W_h + b_ih + r * (h U_h + b_rh))}, one recurrent GEMM per step) and
 * reset-before ({@code hh = act(x W_h + (r * h) U_h + b_h)}, two). Laid out like {@link CpuLstm}.
 */
final class CpuGru {
  private CpuGru() {}

  static RecurrentResult forward(Tensor inputs, Tensor h0, Tensor kernel, Tensor recurrentKernel,
      Tensor bias, Tensor mask, RecurrentOptions o, boolean keep) {
    int nb = inputs.shape().dim(0);
    int nt = inputs.shape().dim(1);
    int nf = inputs.shape().dim(2);
    int nu = recurrentKernel.shape().dim(0);
    int ng = 3 * nu;
    boolean after = o.resetAfter();
    float[] x = inputs.floatData();
    float[] u = recurrentKernel.floatData();
    // Reset-after: input bias then recurrent bias; reset-before: one bias, on the input side.
    float[] b = bias != null ? bias.floatData() : new float[2 * ng];
    int recBias = after ? ng : -1;
    float[] g = RecurrentSupport.project(x, nb * nt, nf, kernel.floatData(), ng);
    boolean[] flags = RecurrentSupport.keepFlags(mask);
    float[] seq = new float[nb * nt * nu];
    float[] h = h0.floatData().clone();
    float[] hPrev = keep ? new float[nb * nt * nu] : null;
    float[] extra = keep ? new float[nb * nt * nu] : null;
    CellActivation act = o.activation();
    CellActivation rec = o.recurrentActivation();
    CpuThreads.parallelFor(nb, RecurrentSupport.workPerRow(nt, nu, ng), (lo, hi) -> {
      Gemm gemm = CpuGemm.singleThreaded();
      int rows = hi - lo;
      int recWidth = after ? ng : 2 * nu;
      float[] rc = new float[rows * recWidth];
      float[] rh = new float[rows * nu];
      for (int s = 0; s < nt; s++) {
        int t = RecurrentSupport.inputTime(s, nt, o.goBackwards());
        if (keep) {
          for (int r = lo; r < hi; r++) {
            System.arraycopy(h, r * nu, hPrev, (r * nt + t) * nu, nu);
          }
        }
        gemm.sgemm(false, false, rows, recWidth, nu, 1f, h, lo * nu, nu, u, 0, ng, 0f, rc, 0,
            recWidth);
        for (int r = lo; r < hi; r++) {
          int go = (r * nt + t) * ng;
          int ro = (r - lo) * recWidth;
          if (flags != null && !flags[r * nt + t]) {
            java.util.Arrays.fill(rh, (r - lo) * nu, (r - lo + 1) * nu, 0f);
            continue;
          }
          for (int j = 0; j < nu; j += GateMath.L) {
            VectorMask<Float> m = GateMath.mask(j, nu);
            FloatVector z = GateMath.apply(rec, sum(g, go + j, b, j, rc, ro + j, m)
                .add(after ? FloatVector.fromArray(S, b, recBias + j, m) : FloatVector.zero(S)));
            FloatVector rr = GateMath.apply(rec, sum(g, go + nu + j, b, nu + j, rc, ro + nu + j, m)
                .add(after ? FloatVector.fromArray(S, b, recBias + nu + j, m)
                    : FloatVector.zero(S)));
            z.intoArray(g, go + j, m);
            rr.intoArray(g, go + nu + j, m);
            FloatVector hp = FloatVector.fromArray(S, h, r * nu + j, m);
            if (after) {
              FloatVector rhv = FloatVector.fromArray(S, rc, ro + 2 * nu + j, m)
                  .add(FloatVector.fromArray(S, b, recBias + 2 * nu + j, m));
              rhv.intoArray(rh, (r - lo) * nu + j, m);
              FloatVector hh = GateMath.apply(act, FloatVector.fromArray(S, g, go + 2 * nu + j, m)
                  .add(FloatVector.fromArray(S, b, 2 * nu + j, m)).add(rr.mul(rhv)));
              hh.intoArray(g, go + 2 * nu + j, m);
              hh.add(z.mul(hp.sub(hh))).intoArray(h, r * nu + j, m);
            } else {
              rr.mul(hp).intoArray(rh, (r - lo) * nu + j, m);
            }
          }
        }
        if (!after) {
          gemm.sgemm(false, false, rows, nu, nu, 1f, rh, 0, nu, u, 2 * nu, ng, 1f, g,
              (lo * nt + t) * ng + 2 * nu, nt * ng);
          for (int r = lo; r < hi; r++) {
            if (flags == null || flags[r * nt + t]) {
              finishBefore(g, (r * nt + t) * ng, b, h, r * nu, nu, act);
            }
          }
        }
        for (int r = lo; r < hi; r++) {
          int out = (r * nt + s) * nu;
          if (flags == null || flags[r * nt + t] || !o.zeroOutputForMask()) {
            System.arraycopy(h, r * nu, seq, out, nu);
          }
          if (keep) {
            System.arraycopy(rh, (r - lo) * nu, extra, (r * nt + t) * nu, nu);
          }
        }
      }
    });
    RecurrentTrace trace = !keep ? null : new RecurrentTrace(RecurrentTrace.Cell.GRU, o, nb, nt,
        nf, nu, x, kernel.floatData(), u, bias != null, flags, g, hPrev, extra);
    return new RecurrentResult(Tensor.wrap(seq, Shape.of(nb, nt, nu)),
        new Tensor[] {Tensor.wrap(h, h0.shape())}, trace);
  }

  private static FloatVector sum(float[] g, int gk, float[] b, int bk, float[] rc, int rk,
      VectorMask<Float> m) {
    return FloatVector.fromArray(S, g, gk, m).add(FloatVector.fromArray(S, b, bk, m))
        .add(FloatVector.fromArray(S, rc, rk, m));
  }

  /** Reset-before: the candidate from {@code x W_h + (r * h) U_h + b_h}, then the new state. */
  private static void finishBefore(float[] g, int go, float[] b, float[] h, int ho, int nu,
      CellActivation act) {
    for (int j = 0; j < nu; j += GateMath.L) {
      VectorMask<Float> m = GateMath.mask(j, nu);
      FloatVector hh = GateMath.apply(act, FloatVector.fromArray(S, g, go + 2 * nu + j, m)
          .add(FloatVector.fromArray(S, b, 2 * nu + j, m)));
      hh.intoArray(g, go + 2 * nu + j, m);
      FloatVector z = FloatVector.fromArray(S, g, go + j, m);
      FloatVector hp = FloatVector.fromArray(S, h, ho + j, m);
      hh.add(z.mul(hp.sub(hh))).intoArray(h, ho + j, m);
    }
  }

  static RecurrentGradients backward(RecurrentTrace tr, float[] dSeq, float[] dhLast,
      boolean inputsGradient) {
    int nb = tr.batch;
    int nt = tr.time;
    int nu = tr.units;
    int ng = 3 * nu;
    RecurrentOptions o = tr.options;
    boolean after = o.resetAfter();
    float[] dgx = new float[nb * nt * ng];
    float[] dgh = after ? new float[nb * nt * ng] : null;
    float[] dh = dhLast.clone();
    float[] u = tr.recurrentKernel;
    CpuThreads.parallelFor(nb, RecurrentSupport.workPerRow(nt, nu, ng), (lo, hi) -> {
      Gemm gemm = CpuGemm.singleThreaded();
      int rows = hi - lo;
      float[] drh = after ? null : new float[rows * nu];
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
          stepBack(tr, r * nt + t, dgx, dgh, dh, r * nu, dSeq, ds);
        }
        int gOff = (lo * nt + t) * ng;
        if (after) {
          gemm.sgemm(false, true, rows, nu, ng, 1f, dgh, gOff, nt * ng, u, 0, ng, 1f, dh,
              lo * nu, nu);
          continue;
        }
        gemm.sgemm(false, true, rows, nu, nu, 1f, dgx, gOff + 2 * nu, nt * ng, u, 2 * nu, ng, 0f,
            drh, 0, nu);
        for (int r = lo; r < hi; r++) {
          if (tr.on(r, t)) {
            resetBack(tr, r * nt + t, dgx, dh, r * nu, drh, (r - lo) * nu);
          }
        }
        gemm.sgemm(false, true, rows, nu, 2 * nu, 1f, dgx, gOff, nt * ng, u, 0, ng, 1f, dh,
            lo * nu, nu);
      }
    });
    int rowsAll = nb * nt;
    float[] du;
    float[] db = new float[after ? 2 * ng : ng];
    if (after) {
      du = RecurrentSupport.recurrentKernelGradient(tr, dgh, ng);
    } else {
      du = new float[nu * ng];
      RecurrentSupport.transposedProduct(tr.hPrev, 0, nu, nu, dgx, 0, ng, 2 * nu, rowsAll, du, 0,
          ng);
      RecurrentSupport.transposedProduct(tr.extra, 0, nu, nu, dgx, 2 * nu, ng, nu, rowsAll, du,
          2 * nu, ng);
    }
    if (tr.hasBias) {
      RecurrentSupport.columnSums(dgx, rowsAll, ng, 0, ng, db, 0);
      if (after) {
        RecurrentSupport.columnSums(dgh, rowsAll, ng, 0, ng, db, ng);
      }
    }
    return RecurrentSupport.finish(tr, dgx, ng, du, db, after ? Shape.of(2, ng) : Shape.of(ng),
        inputsGradient, new Tensor[] {Tensor.wrap(dh, Shape.of(nb, nu))});
  }

  /**
   * One row's gate gradients at one step. Reset-after fills both the input-side and the
   * recurrent-side pre-activation gradients; reset-before fills z and h, leaving r to {@link
   * #resetBack} once {@code d(r * h)} is known.
   */
  private static void stepBack(RecurrentTrace tr, int row, float[] dgx, float[] dgh, float[] dh,
      int so, float[] dSeq, int ds) {
    int nu = tr.units;
    int go = row * 3 * nu;
    int po = row * nu;
    float[] g = tr.gates;
    boolean after = dgh != null;
    CellActivation act = tr.options.activation();
    CellActivation rec = tr.options.recurrentActivation();
    for (int j = 0; j < nu; j += GateMath.L) {
      VectorMask<Float> m = GateMath.mask(j, nu);
      FloatVector z = FloatVector.fromArray(S, g, go + j, m);
      FloatVector hh = FloatVector.fromArray(S, g, go + 2 * nu + j, m);
      FloatVector hp = FloatVector.fromArray(S, tr.hPrev, po + j, m);
      FloatVector dht = FloatVector.fromArray(S, dh, so + j, m)
          .add(FloatVector.fromArray(S, dSeq, ds + j, m));
      FloatVector dz = dht.mul(hp.sub(hh)).mul(GateMath.derivative(rec, z));
      FloatVector dah = dht.sub(dht.mul(z)).mul(GateMath.derivative(act, hh));
      dz.intoArray(dgx, go + j, m);
      dah.intoArray(dgx, go + 2 * nu + j, m);
      dht.mul(z).intoArray(dh, so + j, m);
      if (after) {
        FloatVector rr = FloatVector.fromArray(S, g, go + nu + j, m);
        FloatVector rh = FloatVector.fromArray(S, tr.extra, po + j, m);
        FloatVector dr = dah.mul(rh).mul(GateMath.derivative(rec, rr));
        dr.intoArray(dgx, go + nu + j, m);
        dz.intoArray(dgh, go + j, m);
        dr.intoArray(dgh, go + nu + j, m);
        dah.mul(rr).intoArray(dgh, go + 2 * nu + j, m);
      }
    }
  }

  /** Reset-before: from {@code d(r * h)} to the reset gate's gradient and the direct dh. */
  private static void resetBack(RecurrentTrace tr, int row, float[] dgx, float[] dh, int so,
      float[] drh, int dro) {
    int nu = tr.units;
    int go = row * 3 * nu;
    int po = row * nu;
    CellActivation rec = tr.options.recurrentActivation();
    for (int j = 0; j < nu; j += GateMath.L) {
      VectorMask<Float> m = GateMath.mask(j, nu);
      FloatVector rr = FloatVector.fromArray(S, tr.gates, go + nu + j, m);
      FloatVector hp = FloatVector.fromArray(S, tr.hPrev, po + j, m);
      FloatVector d = FloatVector.fromArray(S, drh, dro + j, m);
      d.mul(hp).mul(GateMath.derivative(rec, rr)).intoArray(dgx, go + nu + j, m);
      FloatVector.fromArray(S, dh, so + j, m).add(d.mul(rr)).intoArray(dh, so + j, m);
    }
  }
}
