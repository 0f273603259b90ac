package org.jkeras.ops;

import static org.jkeras.ops.ElementwiseReference.map;
import static org.jkeras.ops.ElementwiseReference.rand;
import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class NnOpsTest {
  private static final GradientCheck CHECK = GradientCheck.standard();
  private static final double SELU_ALPHA = 1.6732632423543772;
  private static final double SELU_SCALE = 1.0507009873554805;

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  /** erf by its Maclaurin series, exact to double precision for |x| < 4. */
  private static double erf(double x) {
    double sum = 0;
    double term = x;
    for (int n = 0; n < 200; n++) {
      sum += term / (2 * n + 1);
      term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  private static void check(UnaryOperator<Tensor> op, DoubleUnaryOperator ref, Tensor x,
      double tol) {
    assertClose(map(x, ref), x.shape(), op.apply(x), tol);
  }

  @Test
  void activationsMatchFloat64Reference() {
    // 1021 elements: vector body, ragged tail, both signs, values far out.
    Tensor x = rand(1, -6f, 6f, 1021);
    check(NnOps::relu, v -> Math.max(v, 0), x, 0);
    check(NnOps::relu6, v -> Math.min(Math.max(v, 0), 6), x, 0);
    check(NnOps::sigmoid, NnOpsTest::sigmoid, x, 1e-6);
    check(NnOps::hardSigmoid, v -> Math.min(Math.max(v + 3, 0), 6) / 6, x, 1e-7);
    check(NnOps::tanh, Math::tanh, x, 1e-6);
    check(NnOps::leakyRelu, v -> v >= 0 ? v : 0.2 * v, x, 1e-7);
    check(t -> NnOps.leakyRelu(t, 0.01f), v -> v >= 0 ? v : 0.01 * v, x, 1e-7);
    check(NnOps::elu, v -> v > 0 ? v : Math.expm1(v), x, 1e-6);
    check(t -> NnOps.elu(t, 0.5f), v -> v > 0 ? v : 0.5 * Math.expm1(v), x, 1e-6);
    check(NnOps::selu, v -> SELU_SCALE * (v > 0 ? v : SELU_ALPHA * Math.expm1(v)), x, 1e-6);
    check(NnOps::gelu, v -> 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI)
        * (v + 0.044715 * v * v * v))), x, 1e-6);
    check(t -> NnOps.gelu(t, false), v -> 0.5 * v * (1 + erf(v / Math.sqrt(2))), x, 1e-6);
    check(NnOps::softplus, v -> Math.log1p(Math.exp(v)), x, 1e-6);
    check(NnOps::softsign, v -> v / (1 + Math.abs(v)), x, 1e-6);
    check(NnOps::silu, v -> v * sigmoid(v), x, 1e-6);
  }

  @Test
  void smallInputsKeepRelativeAccuracy() {
    Tensor tiny = Tensor.of(new float[] {1e-6f, -1e-6f, 3e-4f, -3e-4f});
    for (int i = 0; i < 4; i++) {
      double v = tiny.getFlat(i);
      assertEquals(v > 0 ? v : Math.expm1(v), NnOps.elu(tiny).getFlat(i), 1e-6 * Math.abs(v));
      assertEquals(Math.tanh(v), NnOps.tanh(tiny).getFlat(i), 1e-6 * Math.abs(v));
    }
    // softplus of a large input is the input, not infinity.
    assertEquals(100f, NnOps.softplus(Tensor.of(new float[] {100f})).item(), 1e-5);
    assertEquals(Math.exp(-30), NnOps.softplus(Tensor.of(new float[] {-30f})).item(), 1e-19);
  }

  @Test
  void activationGradients() {
    // Inputs kept away from the kinks at 0, 6 and -3/3.
    Tensor x = Tensor.of(new float[][] {{-2.5f, -0.7f, 0.4f, 1.3f}, {2.2f, -1.6f, 0.9f, 6.5f}});
    CHECK.check(v -> NnOps.relu(v.get(0)), x);
    CHECK.check(v -> NnOps.relu6(v.get(0)), x);
    CHECK.check(v -> NnOps.sigmoid(v.get(0)), x);
    CHECK.check(v -> NnOps.hardSigmoid(v.get(0)), x);
    CHECK.check(v -> NnOps.tanh(v.get(0)), x);
    CHECK.check(v -> NnOps.leakyRelu(v.get(0)), x);
    CHECK.check(v -> NnOps.elu(v.get(0), 0.7f), x);
    CHECK.check(v -> NnOps.selu(v.get(0)), x);
    CHECK.check(v -> NnOps.gelu(v.get(0)), x);
    CHECK.check(v -> NnOps.gelu(v.get(0), false), x);
    CHECK.check(v -> NnOps.softplus(v.get(0)), x);
    CHECK.check(v -> NnOps.softsign(v.get(0)), x);
    CHECK.check(v -> NnOps.silu(v.get(0)), x);
  }

  /** Softmax along {@code axis} of a rank-3 tensor, in float64. */
  private static double[] softmaxRef(Tensor x, int axis, boolean log) {
    int[] d = x.shape().dims();
    int[] st = x.shape().strides();
    double[] out = new double[x.size()];
    for (int i = 0; i < out.length; i++) {
      int k = (i / st[axis]) % d[axis];
      int base = i - k * st[axis];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < d[axis]; j++) {
        max = Math.max(max, x.getFlat(base + j * st[axis]));
      }
      double sum = 0;
      for (int j = 0; j < d[axis]; j++) {
        sum += Math.exp(x.getFlat(base + j * st[axis]) - max);
      }
      double z = x.getFlat(i) - max;
      out[i] = log ? z - Math.log(sum) : Math.exp(z) / sum;
    }
    return out;
  }

  @Test
  void softmaxAndLogSoftmaxAlongEveryAxis() {
    Tensor x = rand(5, -4f, 4f, 3, 21, 19);
    for (int axis = 0; axis < 3; axis++) {
      assertClose(softmaxRef(x, axis, false), x.shape(), NnOps.softmax(x, axis), 1e-6);
      assertClose(softmaxRef(x, axis, true), x.shape(), NnOps.logSoftmax(x, axis), 1e-6);
    }
    assertClose(softmaxRef(x, 2, false), NnOps.softmax(x), 1e-6);
    assertClose(softmaxRef(x, 2, true), NnOps.logSoftmax(x), 1e-6);
    assertClose(softmaxRef(x, 1, false), NnOps.softmax(x, -2), 1e-6);
  }

  /**
   * Rows shorter than, equal to and just past a vector (the short-row path and the general one),
   * one entry of each row at -inf, which must come out as exactly 0 (and -inf for log-softmax).
   */
  @Test
  void softmaxRowsOfEveryLengthAroundTheVectorWidth() {
    for (int n : new int[] {1, 2, 3, 10, 15, 16, 17, 31, 33}) {
      Tensor x = rand(n, -4f, 4f, 5, n);
      float[] v = x.toFloatArray();
      if (n > 1) {
        for (int r = 0; r < 5; r++) {
          v[r * n + (r % n)] = Float.NEGATIVE_INFINITY;
        }
      }
      Tensor xi = Tensor.wrap(v, x.shape());
      Tensor sm = NnOps.softmax(xi);
      Tensor ls = NnOps.logSoftmax(xi);
      assertClose(softmaxRef(xi.withShape(Shape.of(5, n, 1)), 1, false), sm, 1e-6);
      double[] logRef = softmaxRef(xi.withShape(Shape.of(5, n, 1)), 1, true);
      for (int i = 0; i < logRef.length; i++) {
        if (Double.isInfinite(logRef[i])) {
          assertEquals(Float.NEGATIVE_INFINITY, ls.getFlat(i), "row length " + n + ", " + i);
          assertEquals(0f, sm.getFlat(i), "row length " + n + ", " + i);
        } else {
          assertEquals(logRef[i], ls.getFlat(i), 1e-5, "row length " + n + ", " + i);
        }
      }
    }
  }

  @Test
  void softmaxIsStableForLargeInputs() {
    Tensor x = Tensor.of(new float[][] {{1000f, 1001f, 1002f}, {-1000f, -1001f, -1002f}});
    double a = Math.exp(-2);
    double b = Math.exp(-1);
    double s = 1 + a + b;
    assertClose(new double[] {a / s, b / s, 1 / s, 1 / s, b / s, a / s}, NnOps.softmax(x), 1e-6);
    Tensor ls = NnOps.logSoftmax(x);
    assertEquals(-Math.log(s), ls.getFloat(0, 2), 1e-5);
    assertTrue(Float.isFinite(ls.getFloat(1, 2)));
  }

  @Test
  void softmaxGradients() {
    Tensor x = rand(7, 2, 3, 5);
    for (int axis : new int[] {-1, 0, 1}) {
      CHECK.check(v -> NnOps.softmax(v.get(0), axis), x);
      CHECK.check(v -> NnOps.logSoftmax(v.get(0), axis), x);
    }
    Tensor wide = rand(8, 2, 37);
    CHECK.check(v -> NnOps.softmax(v.get(0)), wide);
    CHECK.check(v -> NnOps.logSoftmax(v.get(0)), wide);
  }

  @Test
  void softmaxAxisErrors() {
    var e = assertThrows(JKerasException.class, () -> NnOps.softmax(Tensor.zeros(2, 3), 2));
    assertEquals("softmax: Axis 2 is out of bounds for shape (2, 3) of rank 2.", e.getMessage());
    var s = assertThrows(JKerasException.class,
        () -> NnOps.logSoftmax(Tensor.scalar(1f)));
    assertEquals("log_softmax: needs a tensor of rank 1 or more, got a scalar.", s.getMessage());
  }

  @Test
  void largeInputsUseThreadsAndAgree() {
    Tensor x = rand(9, -5f, 5f, 200_003);
    check(NnOps::sigmoid, NnOpsTest::sigmoid, x, 1e-6);
    check(NnOps::tanh, Math::tanh, x, 1e-6);
    Tensor rows = rand(10, -5f, 5f, 4000, 33);
    assertClose(softmaxRef(rows.withShape(Shape.of(1, 4000, 33)), 2, false),
        NnOps.softmax(rows), 1e-6);
  }
}
