package org.jkeras.backend.cpu;

import static org.jkeras.backend.cpu.VectorMath.S;

import jdk.incubator.vector.FloatVector;
import org.jkeras.backend.FusedActivation;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.UnaryFunction;

/**
 * The tail that Dense and convolution fuse into their GEMM: {@code act(c + bias)} in place on a
 * block of output rows still in cache, and its backward, {@code grad * act'(y)} from the output.
 * The arithmetic is the separate ops' ({@link CpuBinary}'s add, {@link CpuUnary}'s activations,
 * and {@link CpuUnaryGrad}'s derivatives and {@link CpuSoftmax}'s rows called directly), so fused
 * and unfused results agree to the last bit.
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
          CpuUnary.apply(UnaryFunction.RELU, c, start, c, start, len, 0f, 0f);
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
    float[] out = StepArena.floats(yv.length);
    if (act == FusedActivation.SOFTMAX) {
      int n = y.shape().dim(-1);
      int rows = n == 0 ? 0 : yv.length / n;
      CpuThreads.parallelFor(rows, 4L * n, (lo, hi) -> {
        for (int r = lo; r < hi; r++) {
          CpuSoftmax.row(CpuSoftmax.Kind.SOFTMAX_GRAD, yv, gv, out, r * n, n);
        }
      });
    } else {
      // relu's derivative from its output: 0 < y < inf exactly where 0 < x < inf, since y == x
      // there, so the unfused gradient kernel gets y in x's place.
      UnaryFunction fn = act == FusedActivation.RELU ? UnaryFunction.RELU
          : act == FusedActivation.SIGMOID ? UnaryFunction.SIGMOID : UnaryFunction.TANH;
      CpuThreads.parallelForAligned(yv.length, 2, 64,
          (lo, hi) -> CpuUnaryGrad.apply(fn, yv, yv, gv, out, lo, hi - lo, 0f, 0f));
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
}
