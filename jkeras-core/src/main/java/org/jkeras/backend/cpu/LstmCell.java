package org.jkeras.backend.cpu;

import static org.jkeras.backend.cpu.GateMath.L;
import static org.jkeras.backend.cpu.GateMath.LN2_HI;
import static org.jkeras.backend.cpu.GateMath.LN2_LO;
import static org.jkeras.backend.cpu.GateMath.LOG2E;
import static org.jkeras.backend.cpu.GateMath.ROUND_MAGIC;
import static org.jkeras.backend.cpu.GateMath.ROUND_MAGIC_BITS;
import static org.jkeras.backend.cpu.GateMath.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * One LSTM step of one batch row with Keras's default activations (sigmoid gates, tanh cell) in
 * two vector passes instead of seven: the bias and all four gates, then the carry and the
 * output; and its backward step in one. Same formulas as {@link GateMath}, written out in full for the reason its javadoc
 * gives.
 */
final class LstmCell {
  private LstmCell() {}

  /** Bias, then sigmoid on i, f, o and tanh on the candidate, written back in place. */
  static void gates(float[] g, int go, float[] b, int nu) {
    int j = 0;
    for (int end = S.loopBound(nu); j < end; j += L) {
      FloatVector zi = FloatVector.fromArray(S, g, go + j).add(FloatVector.fromArray(S, b, j));
      FloatVector zf = FloatVector.fromArray(S, g, go + nu + j)
          .add(FloatVector.fromArray(S, b, nu + j));
      FloatVector zc = FloatVector.fromArray(S, g, go + 2 * nu + j)
          .add(FloatVector.fromArray(S, b, 2 * nu + j));
      FloatVector zo = FloatVector.fromArray(S, g, go + 3 * nu + j)
          .add(FloatVector.fromArray(S, b, 3 * nu + j));
      FloatVector ni = zi.neg().max(-87f).min(88f);
      FloatVector nf = zf.neg().max(-87f).min(88f);
      FloatVector no = zo.neg().max(-87f).min(88f);
      FloatVector eit = ni.fma(LOG2E, ROUND_MAGIC);
      FloatVector eik = eit.sub(ROUND_MAGIC);
      IntVector eib = eit.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
      FloatVector eir = eik.fma(FloatVector.broadcast(S, -LN2_HI), ni);
      eir = eik.fma(FloatVector.broadcast(S, -LN2_LO), eir);
      FloatVector eiq = eir.fma(1.9875691500E-4f, 1.3981999507E-3f);
      eiq = eiq.fma(eir, FloatVector.broadcast(S, 8.3334519073E-3f));
      eiq = eiq.fma(eir, FloatVector.broadcast(S, 4.1665795894E-2f));
      eiq = eiq.fma(eir, FloatVector.broadcast(S, 1.6666665459E-1f));
      eiq = eiq.fma(eir, FloatVector.broadcast(S, 5.0000001201E-1f));
      FloatVector ei = eiq.fma(eir.mul(eir), eir).add(1f)
          .mul(eib.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector eft = nf.fma(LOG2E, ROUND_MAGIC);
      FloatVector efk = eft.sub(ROUND_MAGIC);
      IntVector efb = eft.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
      FloatVector efr = efk.fma(FloatVector.broadcast(S, -LN2_HI), nf);
      efr = efk.fma(FloatVector.broadcast(S, -LN2_LO), efr);
      FloatVector efq = efr.fma(1.9875691500E-4f, 1.3981999507E-3f);
      efq = efq.fma(efr, FloatVector.broadcast(S, 8.3334519073E-3f));
      efq = efq.fma(efr, FloatVector.broadcast(S, 4.1665795894E-2f));
      efq = efq.fma(efr, FloatVector.broadcast(S, 1.6666665459E-1f));
      efq = efq.fma(efr, FloatVector.broadcast(S, 5.0000001201E-1f));
      FloatVector ef = efq.fma(efr.mul(efr), efr).add(1f)
          .mul(efb.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector eot = no.fma(LOG2E, ROUND_MAGIC);
      FloatVector eok = eot.sub(ROUND_MAGIC);
      IntVector eob = eot.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
      FloatVector eor = eok.fma(FloatVector.broadcast(S, -LN2_HI), no);
      eor = eok.fma(FloatVector.broadcast(S, -LN2_LO), eor);
      FloatVector eoq = eor.fma(1.9875691500E-4f, 1.3981999507E-3f);
      eoq = eoq.fma(eor, FloatVector.broadcast(S, 8.3334519073E-3f));
      eoq = eoq.fma(eor, FloatVector.broadcast(S, 4.1665795894E-2f));
      eoq = eoq.fma(eor, FloatVector.broadcast(S, 1.6666665459E-1f));
      eoq = eoq.fma(eor, FloatVector.broadcast(S, 5.0000001201E-1f));
      FloatVector eo = eoq.fma(eor.mul(eor), eor).add(1f)
          .mul(eob.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector cca = zc.abs();
      FloatVector ccs = zc.mul(zc);
      FloatVector ccp = ccs.fma(-5.70498872745E-3f, 2.06390887954E-2f);
      ccp = ccp.fma(ccs, FloatVector.broadcast(S, -5.37397155531E-2f));
      ccp = ccp.fma(ccs, FloatVector.broadcast(S, 1.33314422036E-1f));
      ccp = ccp.fma(ccs, FloatVector.broadcast(S, -3.33332819422E-1f));
      FloatVector ccm = ccp.mul(ccs).fma(zc, zc);
      FloatVector cce2 = cca.add(cca).min(88f);
      FloatVector ccxt = cce2.fma(LOG2E, ROUND_MAGIC);
      FloatVector ccxk = ccxt.sub(ROUND_MAGIC);
      IntVector ccxb = ccxt.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
      FloatVector ccxr = ccxk.fma(FloatVector.broadcast(S, -LN2_HI), cce2);
      ccxr = ccxk.fma(FloatVector.broadcast(S, -LN2_LO), ccxr);
      FloatVector ccxq = ccxr.fma(1.9875691500E-4f, 1.3981999507E-3f);
      ccxq = ccxq.fma(ccxr, FloatVector.broadcast(S, 8.3334519073E-3f));
      ccxq = ccxq.fma(ccxr, FloatVector.broadcast(S, 4.1665795894E-2f));
      ccxq = ccxq.fma(ccxr, FloatVector.broadcast(S, 1.6666665459E-1f));
      ccxq = ccxq.fma(ccxr, FloatVector.broadcast(S, 5.0000001201E-1f));
      FloatVector ccx = ccxq.fma(ccxr.mul(ccxr), ccxr).add(1f)
          .mul(ccxb.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector ccg = FloatVector.broadcast(S, 1f)
          .sub(FloatVector.broadcast(S, 2f).div(ccx.add(1f)));
      ccg = ccg.reinterpretAsInts().or(zc.reinterpretAsInts().and(0x80000000))
          .reinterpretAsFloats();
      FloatVector cc = ccm.blend(ccg, cca.compare(VectorOperators.GE, 0.625f));
      FloatVector one = FloatVector.broadcast(S, 1f);
      one.div(ei.add(1f)).intoArray(g, go + j);
      one.div(ef.add(1f)).intoArray(g, go + nu + j);
      cc.intoArray(g, go + 2 * nu + j);
      one.div(eo.add(1f)).intoArray(g, go + 3 * nu + j);
    }
    for (; j < nu; j++) {
      g[go + j] = sigmoid(g[go + j] + b[j]);
      g[go + nu + j] = sigmoid(g[go + nu + j] + b[nu + j]);
      g[go + 2 * nu + j] = (float) Math.tanh(g[go + 2 * nu + j] + b[2 * nu + j]);
      g[go + 3 * nu + j] = sigmoid(g[go + 3 * nu + j] + b[3 * nu + j]);
    }
  }

  /**
   * From activated gates: {@code c = f * c + i * cc}, {@code a = tanh(c)} (kept in {@code ac}
   * for the backward pass) and {@code h = o * a}. When {@code hPrev} is not null, the state
   * before the step, {@code h} and {@code c} as they were, also goes to {@code hPrev} and
   * {@code cPrev} at {@code po} for the backward pass: stored as it is read, instead of two
   * copies per row and step.
   */
  static void carry(float[] g, int go, float[] c, int co, float[] h, int ho, float[] ac, int ao,
      float[] hPrev, float[] cPrev, int po, int nu) {
    boolean save = hPrev != null;
    int j = 0;
    for (int end = S.loopBound(nu); j < end; j += L) {
      FloatVector i = FloatVector.fromArray(S, g, go + j);
      FloatVector f = FloatVector.fromArray(S, g, go + nu + j);
      FloatVector cc = FloatVector.fromArray(S, g, go + 2 * nu + j);
      FloatVector co0 = FloatVector.fromArray(S, c, co + j);
      if (save) {
        co0.intoArray(cPrev, po + j);
        FloatVector.fromArray(S, h, ho + j).intoArray(hPrev, po + j);
      }
      FloatVector cn = f.mul(co0).add(i.mul(cc));
      FloatVector aa = cn.abs();
      FloatVector as = cn.mul(cn);
      FloatVector ap = as.fma(-5.70498872745E-3f, 2.06390887954E-2f);
      ap = ap.fma(as, FloatVector.broadcast(S, -5.37397155531E-2f));
      ap = ap.fma(as, FloatVector.broadcast(S, 1.33314422036E-1f));
      ap = ap.fma(as, FloatVector.broadcast(S, -3.33332819422E-1f));
      FloatVector am = ap.mul(as).fma(cn, cn);
      FloatVector ae2 = aa.add(aa).min(88f);
      FloatVector axt = ae2.fma(LOG2E, ROUND_MAGIC);
      FloatVector axk = axt.sub(ROUND_MAGIC);
      IntVector axb = axt.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
      FloatVector axr = axk.fma(FloatVector.broadcast(S, -LN2_HI), ae2);
      axr = axk.fma(FloatVector.broadcast(S, -LN2_LO), axr);
      FloatVector axq = axr.fma(1.9875691500E-4f, 1.3981999507E-3f);
      axq = axq.fma(axr, FloatVector.broadcast(S, 8.3334519073E-3f));
      axq = axq.fma(axr, FloatVector.broadcast(S, 4.1665795894E-2f));
      axq = axq.fma(axr, FloatVector.broadcast(S, 1.6666665459E-1f));
      axq = axq.fma(axr, FloatVector.broadcast(S, 5.0000001201E-1f));
      FloatVector ax = axq.fma(axr.mul(axr), axr).add(1f)
          .mul(axb.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector ag = FloatVector.broadcast(S, 1f)
          .sub(FloatVector.broadcast(S, 2f).div(ax.add(1f)));
      ag = ag.reinterpretAsInts().or(cn.reinterpretAsInts().and(0x80000000))
          .reinterpretAsFloats();
      FloatVector a = am.blend(ag, aa.compare(VectorOperators.GE, 0.625f));
      cn.intoArray(c, co + j);
      a.intoArray(ac, ao + j);
      FloatVector.fromArray(S, g, go + 3 * nu + j).mul(a).intoArray(h, ho + j);
    }
    for (; j < nu; j++) {
      if (save) {
        cPrev[po + j] = c[co + j];
        hPrev[po + j] = h[ho + j];
      }
      float cn = g[go + nu + j] * c[co + j] + g[go + j] * g[go + 2 * nu + j];
      float a = (float) Math.tanh(cn);
      c[co + j] = cn;
      ac[ao + j] = a;
      h[ho + j] = g[go + 3 * nu + j] * a;
    }
  }

  /**
   * One row's step backwards, from {@code dh} (its output gradient already added) and {@code
   * dc}: the four gates' pre-activation gradients into {@code dg}, the carry's gradient before
   * the step into {@code dc}, and {@code dh} cleared for the recurrent product. The same
   * operations in the same order as the general passes, so both give identical numbers.
   */
  static void backward(float[] g, int go, float[] ac, float[] cPrev, int ao, float[] dg,
      float[] dh, float[] dc, int so, int nu) {
    int j = 0;
    for (int end = S.loopBound(nu); j < end; j += L) {
      FloatVector dht = FloatVector.fromArray(S, dh, so + j);
      FloatVector a = FloatVector.fromArray(S, ac, ao + j);
      FloatVector i = FloatVector.fromArray(S, g, go + j);
      FloatVector f = FloatVector.fromArray(S, g, go + nu + j);
      FloatVector cc = FloatVector.fromArray(S, g, go + 2 * nu + j);
      FloatVector o = FloatVector.fromArray(S, g, go + 3 * nu + j);
      FloatVector dgo = dht.mul(a);
      FloatVector t = dht.mul(o);
      t = t.sub(t.mul(a).mul(a));
      FloatVector dct = FloatVector.fromArray(S, dc, so + j).add(t);
      FloatVector dgi = dct.mul(cc);
      FloatVector dgf = dct.mul(FloatVector.fromArray(S, cPrev, ao + j));
      FloatVector dgc = dct.mul(i);
      dct.mul(f).intoArray(dc, so + j);
      dgi.mul(i.sub(i.mul(i))).intoArray(dg, go + j);
      dgf.mul(f.sub(f.mul(f))).intoArray(dg, go + nu + j);
      dgc.sub(dgc.mul(cc).mul(cc)).intoArray(dg, go + 2 * nu + j);
      dgo.mul(o.sub(o.mul(o))).intoArray(dg, go + 3 * nu + j);
      FloatVector.zero(S).intoArray(dh, so + j);
    }
    for (; j < nu; j++) {
      float dht = dh[so + j];
      float a = ac[ao + j];
      float i = g[go + j];
      float f = g[go + nu + j];
      float cc = g[go + 2 * nu + j];
      float o = g[go + 3 * nu + j];
      float dgo = dht * a;
      float t = dht * o;
      t -= t * a * a;
      float dct = dc[so + j] + t;
      float dgi = dct * cc;
      float dgf = dct * cPrev[ao + j];
      float dgc = dct * i;
      dc[so + j] = dct * f;
      dg[go + j] = dgi * (i - i * i);
      dg[go + nu + j] = dgf * (f - f * f);
      dg[go + 2 * nu + j] = dgc - dgc * cc * cc;
      dg[go + 3 * nu + j] = dgo * (o - o * o);
      dh[so + j] = 0f;
    }
  }

  private static float sigmoid(float z) {
    return (float) (1 / (1 + Math.exp(-z)));
  }
}
