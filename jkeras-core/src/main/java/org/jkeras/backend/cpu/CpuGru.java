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
 * The fused GRU (gate order z, r, h), in both Keras forms: reset-after (the Keras 3 default,
 * {@code hh = act(x W_h + b_ih + r * (h U_h + b_rh))}, one recurrent GEMM per step) and
 * reset-before ({@code hh = act(x W_h + b_h + (r * h) U_h)}, two). Laid out like {@link CpuLstm}.
 */
final class CpuGru {
  private CpuGru() {}

  static RecurrentResult forward(Tensor[] inputs, Tensor h0, Tensor kernel, Tensor recurrentKernel,
      Tensor bias, Tensor mask, RecurrentOptions o, boolean keep) {
    InputBlocks x = InputBlocks.of(inputs);
    int nb = x.batch();
    int nt = x.time;
    int nf = x.features;
    int nu = recurrentKernel.shape().dim(0);
    int ng = 3 * nu;
    boolean after = o.resetAfter();
    float[] u = recurrentKernel.floatData();
    // Reset-after: input bias then recurrent bias; reset-before: one bias, on the input side.
    float[] b = bias != null ? bias.floatData() : new float[2 * ng];
    boolean[] flags = RecurrentSupport.keepFlags(mask);
    float[] seq = new float[nb * nt * nu];
    float[] h = h0.floatData().clone();
    float[] hPrev = keep ? new float[nb * nt * nu] : null;
    float[] extra = keep ? new float[nb * nt * nu] : null;
    CellActivation act = o.activation();
    CellActivation rec = o.recurrentActivation();
    float[] gates = RecurrentSupport.projectAndRun(x, kernel.floatData(), ng,
        RecurrentSupport.workPerRow(nt, nu, ng), (g, lo, hi) -> {
      Gemm gemm = StepGemm.over(CpuGemm.singleThreaded());
      int rows = hi - lo;
      int rw = after ? ng : 2 * nu;
      float[] rc = new float[rows * rw];
      float[] rh = new float[rows * nu];
      for (int s = 0; s < nt; s++) {
        int t = RecurrentSupport.inputTime(s, nt, o.goBackwards());
        if (keep) {
          for (int r = lo; r < hi; r++) {
            System.arraycopy(h, r * nu, hPrev, (r * nt + t) * nu, nu);
          }
        }
        gemm.sgemm(false, false, rows, rw, nu, 1f, h, lo * nu, nu, u, 0, ng, 0f, rc, 0, rw);
        for (int r = lo; r < hi; r++) {
          int go = (r * nt + t) * ng;
          int ro = (r - lo) * rw;
          if (flags != null && !flags[r * nt + t]) {
            Arrays.fill(rh, (r - lo) * nu, (r - lo + 1) * nu, 0f);
            continue;
          }
          RecurrentSupport.addInto(g, go, rc, ro, b, 0, 2 * nu);
          if (after) {
            RecurrentSupport.addInto(g, go, b, ng, 2 * nu);
            RecurrentSupport.addInto(rc, ro + 2 * nu, b, ng + 2 * nu, nu);
            System.arraycopy(rc, ro + 2 * nu, rh, (r - lo) * nu, nu);
          }
          GateMath.activate(rec, g, go, 2 * nu);
          if (after) {
            RecurrentSupport.addInto(g, go + 2 * nu, b, 2 * nu, nu);
            addProduct(g, go + 2 * nu, g, go + nu, rc, ro + 2 * nu, nu);
            GateMath.activate(act, g, go + 2 * nu, nu);
            update(g, go, h, r * nu, nu);
          } else {
            Arrays.fill(rh, (r - lo) * nu, (r - lo + 1) * nu, 0f);
            addProduct(rh, (r - lo) * nu, g, go + nu, h, r * nu, nu);
          }
        }
        if (!after) {
          gemm.sgemm(false, false, rows, nu, nu, 1f, rh, 0, nu, u, 2 * nu, ng, 1f, g,
              (lo * nt + t) * ng + 2 * nu, nt * ng);
          for (int r = lo; r < hi; r++) {
            if (flags == null || flags[r * nt + t]) {
              int go = (r * nt + t) * ng;
              RecurrentSupport.addInto(g, go + 2 * nu, b, 2 * nu, nu);
              GateMath.activate(act, g, go + 2 * nu, nu);
              update(g, go, h, r * nu, nu);
            }
          }
        }
        for (int r = lo; r < hi; r++) {
          if (flags == null || flags[r * nt + t] || !o.zeroOutputForMask()) {
            System.arraycopy(h, r * nu, seq, (r * nt + s) * nu, nu);
          }
          if (keep) {
            System.arraycopy(rh, (r - lo) * nu, extra, (r * nt + t) * nu, nu);
          }
        }
      }
    });
    if (!keep) {
      ScratchBuffers.give(gates);
    }
    RecurrentTrace trace = !keep ? null : new RecurrentTrace(RecurrentTrace.Cell.GRU, o, nb, nt,
        nf, nu, x, kernel.floatData(), u, bias != null, flags, gates, hPrev, extra, null);
    return new RecurrentResult(Tensor.wrap(seq, Shape.of(nb, nt, nu)),
        new Tensor[] {Tensor.wrap(h, h0.shape())}, trace);
  }

  /** {@code a[ao + j] += p[po + j] * q[qo + j]}. */
  private static void addProduct(float[] a, int ao, float[] p, int po, float[] q, int qo,
      int n) {
    int j = 0;
    for (int end = S.loopBound(n); j < end; j += L) {
      FloatVector.fromArray(S, p, po + j).fma(FloatVector.fromArray(S, q, qo + j),
          FloatVector.fromArray(S, a, ao + j)).intoArray(a, ao + j);
    }
    for (; j < n; j++) {
      a[ao + j] += p[po + j] * q[qo + j];
    }
  }

  /** {@code h = hh + z * (h - hh)}: the update gate mixes the old state and the candidate. */
  private static void update(float[] g, int go, float[] h, int ho, int nu) {
    int j = 0;
    for (int end = S.loopBound(nu); j < end; j += L) {
      FloatVector z = FloatVector.fromArray(S, g, go + j);
      FloatVector hh = FloatVector.fromArray(S, g, go + 2 * nu + j);
      FloatVector hp = FloatVector.fromArray(S, h, ho + j);
      hh.add(z.mul(hp.sub(hh))).intoArray(h, ho + j);
    }
    for (; j < nu; j++) {
      float hh = g[go + 2 * nu + j];
      h[ho + j] = hh + g[go + j] * (h[ho + j] - hh);
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
    CellActivation act = o.activation();
    CellActivation rec = o.recurrentActivation();
    float[] dgx = new float[nb * nt * ng];
    float[] dgh = after ? new float[nb * nt * ng] : null;
    float[] dh = dhLast.clone();
    float[] u = tr.recurrentKernel;
    float[] g = tr.gates;
    // U^T, so that each step's products with U^T read its rows in place.
    float[] ut = StepGemm.transpose(u, nu, ng);
    CpuThreads.parallelFor(nb, RecurrentSupport.workPerRow(nt, nu, ng), (lo, hi) -> {
      Gemm gemm = StepGemm.over(CpuGemm.singleThreaded());
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
          int row = r * nt + t;
          int go = row * ng;
          updateBack(tr, row, dgx, dh, r * nu, dSeq, ds);
          GateMath.scaleByDerivative(act, g, go + 2 * nu, dgx, go + 2 * nu, nu);
          if (after) {
            resetAfterBack(tr, row, dgx, dgh);
            GateMath.scaleByDerivative(rec, g, go, dgx, go, 2 * nu);
            System.arraycopy(dgx, go, dgh, go, 2 * nu);
          } else {
            GateMath.scaleByDerivative(rec, g, go, dgx, go, nu);
          }
        }
        int gOff = (lo * nt + t) * ng;
        if (after) {
          gemm.sgemm(false, false, rows, nu, ng, 1f, dgh, gOff, nt * ng, ut, 0, nu, 1f, dh,
              lo * nu, nu);
          continue;
        }
        gemm.sgemm(false, false, rows, nu, nu, 1f, dgx, gOff + 2 * nu, nt * ng, ut, 2 * nu * nu,
            nu, 0f, drh, 0, nu);
        for (int r = lo; r < hi; r++) {
          if (tr.on(r, t)) {
            int row = r * nt + t;
            resetBeforeBack(tr, row, dgx, dh, r * nu, drh, (r - lo) * nu);
            GateMath.scaleByDerivative(rec, g, row * ng + nu, dgx, row * ng + nu, nu);
          }
        }
        gemm.sgemm(false, false, rows, nu, 2 * nu, 1f, dgx, gOff, nt * ng, ut, 0, nu, 1f, dh,
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
   * From {@code dh} (state plus output) through {@code h = hh + z * (h_prev - hh)}: the gradients
   * of z and of the candidate (both before their activations' derivatives) and the direct part
   * of {@code dh_prev}.
   */
  private static void updateBack(RecurrentTrace tr, int row, float[] dgx, float[] dh, int so,
      float[] dSeq, int ds) {
    int nu = tr.units;
    int go = row * 3 * nu;
    int po = row * nu;
    float[] g = tr.gates;
    float[] hPrev = tr.hPrev;
    int j = 0;
    for (int end = S.loopBound(nu); j < end; j += L) {
      FloatVector z = FloatVector.fromArray(S, g, go + j);
      FloatVector hh = FloatVector.fromArray(S, g, go + 2 * nu + j);
      FloatVector hp = FloatVector.fromArray(S, hPrev, po + j);
      FloatVector dht = FloatVector.fromArray(S, dh, so + j)
          .add(FloatVector.fromArray(S, dSeq, ds + j));
      dht.mul(hp.sub(hh)).intoArray(dgx, go + j);
      dht.sub(dht.mul(z)).intoArray(dgx, go + 2 * nu + j);
      dht.mul(z).intoArray(dh, so + j);
    }
    for (; j < nu; j++) {
      float z = g[go + j];
      float dht = dh[so + j] + dSeq[ds + j];
      dgx[go + j] = dht * (hPrev[po + j] - g[go + 2 * nu + j]);
      dgx[go + 2 * nu + j] = dht - dht * z;
      dh[so + j] = dht * z;
    }
  }

  /** Reset-after: the reset gate's gradient and the recurrent candidate's, {@code dhh * r}. */
  private static void resetAfterBack(RecurrentTrace tr, int row, float[] dgx, float[] dgh) {
    int nu = tr.units;
    int go = row * 3 * nu;
    int po = row * nu;
    float[] rh = tr.extra;
    float[] g = tr.gates;
    int j = 0;
    for (int end = S.loopBound(nu); j < end; j += L) {
      FloatVector dah = FloatVector.fromArray(S, dgx, go + 2 * nu + j);
      dah.mul(FloatVector.fromArray(S, rh, po + j)).intoArray(dgx, go + nu + j);
      dah.mul(FloatVector.fromArray(S, g, go + nu + j)).intoArray(dgh, go + 2 * nu + j);
    }
    for (; j < nu; j++) {
      float dah = dgx[go + 2 * nu + j];
      dgx[go + nu + j] = dah * rh[po + j];
      dgh[go + 2 * nu + j] = dah * g[go + nu + j];
    }
  }

  /** Reset-before: from {@code d(r * h)} to the reset gate's gradient and the direct dh. */
  private static void resetBeforeBack(RecurrentTrace tr, int row, float[] dgx, float[] dh,
      int so, float[] drh, int dro) {
    int nu = tr.units;
    int ro = row * 3 * nu + nu;
    int po = row * nu;
    float[] g = tr.gates;
    float[] hPrev = tr.hPrev;
    int j = 0;
    for (int end = S.loopBound(nu); j < end; j += L) {
      FloatVector d = FloatVector.fromArray(S, drh, dro + j);
      d.mul(FloatVector.fromArray(S, hPrev, po + j)).intoArray(dgx, ro + j);
      d.fma(FloatVector.fromArray(S, g, ro + j), FloatVector.fromArray(S, dh, so + j))
          .intoArray(dh, so + j);
    }
    for (; j < nu; j++) {
      float d = drh[dro + j];
      dgx[ro + j] = d * hPrev[po + j];
      dh[so + j] += d * g[ro + j];
    }
  }
}
