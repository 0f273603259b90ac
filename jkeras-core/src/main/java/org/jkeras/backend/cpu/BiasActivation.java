package org.jkeras.backend.cpu;

import static org.jkeras.backend.cpu.VectorMath.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.jkeras.backend.FusedActivation;
import org.jkeras.backend.Tensor;

/**
 * The tail that Dense and convolution fuse into their GEMM: {@code act(c + bias)} in place on a
 * block of output rows still in cache, and its backward, {@code grad * act'(y)} from the output.
 * The arithmetic is the same as the separate ops' ({@link CpuBinary}'s add, {@link CpuUnary}'s
 * activations, {@link CpuUnaryGrad}'s derivatives, {@link CpuSoftmax}'s rows), so fused and
 * unfused results agree to the last bit.
 */
final class BiasActivation {
  private static final int L = S.length();

  private BiasActivation() {}

  /**
   * Adds {@code bias} (null for none) to rows {@code [r0, r1)} of {@code c}, rows of length
   * {@code n} from offset {@code off}, then applies {@code act} to them in place.
   */
  static void forwardRows(FusedActivation act, float[] bias, float[] c, int off, int r0, int r1,
      int n) {
    int start = off + r0 * n;
    int len = (r1 - r0) * n;
    // relu joins the bias pass (one pass instead of two); the others need whole vectors of
    // biased values, so they follow over the block, which is still in cache.
    boolean reluWithBias = act == FusedActivation.RELU && bias != null;
    if (bias != null) {
      for (int r = start; r < start + len; r += n) {
        addRow(bias, c, r, n, reluWithBias);
      }
    }
    switch (act) {
      case LINEAR -> { }
      case RELU -> {
        if (!reluWithBias) {
          relu(c, start, len);
        }
      }
      case SIGMOID -> VectorMath.sigmoid(c, start, c, start, len);
      case TANH -> VectorMath.tanh(c, start, c, start, len);
      case SOFTMAX -> {
        for (int r = start; r < start + len; r += n) {
          CpuSoftmax.row(CpuSoftmax.Kind.SOFTMAX, c, null, c, r, n);
        }
      }
    }
  }

  /**
   * The gradient with respect to the pre-activation, {@code grad * act'(y)} from the output
   * {@code y}; softmax works on rows of the last axis. Linear returns {@code grad} itself.
   */
  static Tensor backward(FusedActivation act, Tensor y, Tensor grad) {
    if (act == FusedActivation.LINEAR) {
      return grad;
    }
    float[] yv = y.floatData();
    float[] gv = grad.floatData();
    float[] out = new float[yv.length];
    if (act == FusedActivation.SOFTMAX) {
      int n = y.shape().dim(-1);
      int rows = n == 0 ? 0 : yv.length / n;
      CpuThreads.parallelFor(rows, 4L * n, (lo, hi) -> {
        for (int r = lo; r < hi; r++) {
          CpuSoftmax.row(CpuSoftmax.Kind.SOFTMAX_GRAD, yv, gv, out, r * n, n);
        }
      });
    } else {
      CpuThreads.parallelForAligned(yv.length, 2, 64,
          (lo, hi) -> derivative(act, yv, gv, out, lo, hi));
    }
    return Tensor.wrap(out, y.shape());
  }

  /** {@code c[off + j] += bias[j]} for {@code j < n}, then {@code max(c, 0)} when asked. */
  private static void addRow(float[] bias, float[] c, int off, int n, boolean relu) {
    int j = 0;
    for (int end = S.loopBound(n); j < end; j += L) {
      FloatVector v = FloatVector.fromArray(S, c, off + j).add(FloatVector.fromArray(S, bias, j));
      (relu ? v.max(0f) : v).intoArray(c, off + j);
    }
    for (; j < n; j++) {
      float v = c[off + j] + bias[j];
      c[off + j] = relu ? Math.max(v, 0f) : v;
    }
  }

  private static void relu(float[] c, int off, int len) {
    int j = 0;
    for (int end = S.loopBound(len); j < end; j += L) {
      FloatVector.fromArray(S, c, off + j).max(0f).intoArray(c, off + j);
    }
    for (; j < len; j++) {
      c[off + j] = Math.max(c[off + j], 0f);
    }
  }

  /**
   * {@code out = g * act'(y)} on {@code [lo, hi)}, one small loop per activation (the JIT
   * inlines them whole); the ragged end runs as one masked vector, so every element gets the
   * same vector arithmetic as {@link CpuUnaryGrad}.
   */
  private static void derivative(FusedActivation act, float[] y, float[] g, float[] out, int lo,
      int hi) {
    switch (act) {
      case RELU -> reluDerivative(y, g, out, lo, hi);
      case SIGMOID -> sigmoidDerivative(y, g, out, lo, hi);
      case TANH -> tanhDerivative(y, g, out, lo, hi);
      case LINEAR, SOFTMAX -> throw new IllegalArgumentException(act + " is not elementwise");
    }
  }

  /** {@code g} where {@code 0 < y < inf} (there {@code y == x}), else 0, as the unfused relu. */
  private static void reluDerivative(float[] y, float[] g, float[] out, int lo, int hi) {
    FloatVector zero = FloatVector.zero(S);
    int i = lo;
    for (int end = lo + S.loopBound(hi - lo); i < end; i += L) {
      FloatVector yv = FloatVector.fromArray(S, y, i);
      var inside = yv.compare(VectorOperators.GT, 0f).and(yv.lt(Float.POSITIVE_INFINITY));
      zero.blend(FloatVector.fromArray(S, g, i), inside).intoArray(out, i);
    }
    if (i < hi) {
      VectorMask<Float> m = S.indexInRange(i, hi);
      FloatVector yv = FloatVector.fromArray(S, y, i, m);
      var inside = yv.compare(VectorOperators.GT, 0f).and(yv.lt(Float.POSITIVE_INFINITY));
      zero.blend(FloatVector.fromArray(S, g, i, m), inside).intoArray(out, i, m);
    }
  }

  /** {@code g * (1 - y) * y}. */
  private static void sigmoidDerivative(float[] y, float[] g, float[] out, int lo, int hi) {
    int i = lo;
    for (int end = lo + S.loopBound(hi - lo); i < end; i += L) {
      FloatVector yv = FloatVector.fromArray(S, y, i);
      yv.neg().add(1f).mul(yv).mul(FloatVector.fromArray(S, g, i)).intoArray(out, i);
    }
    if (i < hi) {
      VectorMask<Float> m = S.indexInRange(i, hi);
      FloatVector yv = FloatVector.fromArray(S, y, i, m);
      yv.neg().add(1f).mul(yv).mul(FloatVector.fromArray(S, g, i, m)).intoArray(out, i, m);
    }
  }

  /** {@code g * (1 - y * y)}. */
  private static void tanhDerivative(float[] y, float[] g, float[] out, int lo, int hi) {
    FloatVector one = FloatVector.broadcast(S, 1f);
    int i = lo;
    for (int end = lo + S.loopBound(hi - lo); i < end; i += L) {
      FloatVector yv = FloatVector.fromArray(S, y, i);
      yv.neg().fma(yv, one).mul(FloatVector.fromArray(S, g, i)).intoArray(out, i);
    }
    if (i < hi) {
      VectorMask<Float> m = S.indexInRange(i, hi);
      FloatVector yv = FloatVector.fromArray(S, y, i, m);
      yv.neg().fma(yv, one).mul(FloatVector.fromArray(S, g, i, m)).intoArray(out, i, m);
    }
  }
}
