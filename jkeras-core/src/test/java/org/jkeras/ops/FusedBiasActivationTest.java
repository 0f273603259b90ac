package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jkeras.activations.Activations;
import org.jkeras.backend.FusedActivation;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * The fused {@code activation(product + bias)} ops ({@link LinalgOps#dense} and the fused {@link
 * ConvOps#conv}) against the same computation as separate ops: outputs and every gradient, for
 * each fused activation, with and without bias, on shapes that leave ragged vector tails and on
 * shapes large enough to split across threads and row blocks; and against finite differences.
 */
class FusedBiasActivationTest {
  private static final double TOL = 1e-6;

  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  private static Tensor unfused(Tensor product, Tensor bias, FusedActivation a) {
    Tensor y = bias == null ? product : MathOps.add(product, bias);
    return Activations.get(a.kerasName()).apply(y);
  }

  /** The output of {@code f} and the gradients of {@code sum(w * f)} for every input. */
  private static List<Tensor> valueAndGradients(Function<List<Tensor>, Tensor> f,
      List<Tensor> inputs) {
    try (GradientTape tape = new GradientTape()) {
      tape.watch(inputs.toArray(new Tensor[0]));
      Tensor y = f.apply(inputs);
      Tensor w = Tensor.randomUniform(y.shape(), -1f, 1f, 99);
      List<Tensor> out = new ArrayList<>();
      out.add(y);
      out.addAll(tape.gradient(y, inputs, w));
      return out;
    }
  }

  private static void assertSame(Function<List<Tensor>, Tensor> fused,
      Function<List<Tensor>, Tensor> reference, List<Tensor> inputs, String what) {
    List<Tensor> got = valueAndGradients(fused, inputs);
    List<Tensor> want = valueAndGradients(reference, inputs);
    for (int i = 0; i < got.size(); i++) {
      assertEquals(want.get(i).shape(), got.get(i).shape(), what + " #" + i);
      try {
        assertClose(want.get(i).toFloatArray(), got.get(i), TOL);
      } catch (AssertionError e) {
        throw new AssertionError(what + (i == 0 ? " output" : " gradient " + (i - 1)) + ": "
            + e.getMessage(), e);
      }
    }
  }

  private static List<Tensor> withBias(boolean useBias, Tensor bias, Tensor... rest) {
    List<Tensor> in = new ArrayList<>(Arrays.asList(rest));
    if (useBias) {
      in.add(bias);
    }
    return in;
  }

  private static void checkDense(long seed, int[] xShape, int units) {
    Tensor x = rand(seed, xShape);
    Tensor kernel = rand(seed + 1, xShape[xShape.length - 1], units);
    Tensor bias = rand(seed + 2, units);
    for (FusedActivation a : FusedActivation.values()) {
      for (boolean useBias : new boolean[] {true, false}) {
        assertSame(
            v -> LinalgOps.dense(v.get(0), v.get(1), useBias ? v.get(2) : null, a),
            v -> unfused(LinalgOps.matmul(v.get(0), v.get(1)), useBias ? v.get(2) : null, a),
            withBias(useBias, bias, x, kernel),
            "dense " + a + (useBias ? " with bias" : "") + " on " + x.shape());
      }
    }
  }

  @Test
  void denseMatchesSeparateOpsOnRank2And3Inputs() {
    checkDense(1, new int[] {5, 7}, 6);
    checkDense(10, new int[] {2, 3, 7}, 19);
    checkDense(20, new int[] {1, 33}, 16);
  }

  @Test
  void denseMatchesSeparateOpsWhenSplitAcrossThreadsAndBlocks() {
    checkDense(30, new int[] {3000, 20}, 40); // rows split, several row blocks per thread
    checkDense(40, new int[] {40, 64}, 600); // few rows: columns split, then the epilogue
  }

  private static void checkConv(long seed, int[] xShape, int[] kShape, int[] strides,
      String padding, int[] dilation) {
    Tensor x = rand(seed, xShape);
    Tensor kernel = rand(seed + 1, kShape);
    Tensor bias = rand(seed + 2, kShape[kShape.length - 1]);
    for (FusedActivation a : FusedActivation.values()) {
      for (boolean useBias : new boolean[] {true, false}) {
        assertSame(
            v -> ConvOps.conv(v.get(0), v.get(1), useBias ? v.get(2) : null, a, strides,
                padding, dilation),
            v -> unfused(ConvOps.conv(v.get(0), v.get(1), strides, padding, dilation),
                useBias ? v.get(2) : null, a),
            withBias(useBias, bias, x, kernel),
            "conv " + a + (useBias ? " with bias" : "") + " " + padding + " strides "
                + Arrays.toString(strides) + " on " + x.shape());
      }
    }
  }

  @Test
  void conv1dMatchesSeparateOps() {
    checkConv(50, new int[] {2, 9, 3}, new int[] {3, 3, 5}, new int[] {1}, "valid",
        new int[] {1});
    checkConv(60, new int[] {2, 10, 4}, new int[] {3, 4, 17}, new int[] {2}, "same",
        new int[] {1});
    checkConv(70, new int[] {3, 12, 2}, new int[] {2, 2, 6}, new int[] {1}, "same",
        new int[] {2});
  }

  @Test
  void conv2dMatchesSeparateOps() {
    checkConv(80, new int[] {2, 7, 6, 3}, new int[] {3, 3, 3, 4}, new int[] {1, 1}, "valid",
        new int[] {1, 1});
    checkConv(90, new int[] {2, 8, 7, 2}, new int[] {3, 2, 2, 5}, new int[] {2, 3}, "same",
        new int[] {1, 1});
    checkConv(100, new int[] {1, 5, 5, 6}, new int[] {1, 1, 6, 18}, new int[] {1, 1}, "valid",
        new int[] {1, 1}); // pointwise: no im2col
    checkConv(110, new int[] {8, 24, 24, 8}, new int[] {3, 3, 8, 16}, new int[] {1, 1},
        "same", new int[] {1, 1}); // threads and row blocks
  }

  @Test
  void denseGradientsMatchFiniteDifferences() {
    GradientCheck check = GradientCheck.standard();
    Tensor x = rand(120, 2, 3, 4);
    Tensor kernel = rand(121, 4, 5);
    Tensor bias = rand(122, 5);
    // relu is left out: its kink makes finite differences noise; it is checked against the
    // separate relu op above.
    for (FusedActivation a : new FusedActivation[] {FusedActivation.LINEAR,
        FusedActivation.SIGMOID, FusedActivation.TANH, FusedActivation.SOFTMAX}) {
      check.check(v -> LinalgOps.dense(v.get(0), v.get(1), v.get(2), a), x, kernel, bias);
    }
  }

  @Test
  void convGradientsMatchFiniteDifferences() {
    GradientCheck check = GradientCheck.standard();
    Tensor x = rand(130, 2, 5, 4, 2);
    Tensor kernel = rand(131, 2, 3, 2, 3);
    Tensor bias = rand(132, 3);
    for (FusedActivation a : new FusedActivation[] {FusedActivation.SIGMOID,
        FusedActivation.TANH, FusedActivation.SOFTMAX}) {
      check.check(v -> ConvOps.conv(v.get(0), v.get(1), v.get(2), a, new int[] {2, 1}, "same",
          new int[] {1, 1}), x, kernel, bias);
    }
  }

  @Test
  void kernelGradientWhenOnlyTheKernelIsWatched() {
    Tensor x = rand(140, 3, 4);
    Tensor kernel = rand(141, 4, 2);
    Tensor bias = rand(142, 2);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(kernel);
      Tensor y = LinalgOps.dense(x, kernel, bias, FusedActivation.TANH);
      List<Tensor> g = tape.gradient(y, List.of(kernel));
      Tensor expected;
      try (GradientTape t2 = new GradientTape()) {
        t2.watch(kernel);
        expected = t2.gradient(
            NnOps.tanh(MathOps.add(LinalgOps.matmul(x, kernel), bias)), kernel);
      }
      assertClose(expected.toFloatArray(), g.get(0), TOL);
    }
  }

  @Test
  void badOperandsAreRefusedWithTheirShapes() {
    Tensor x = rand(150, 3, 4);
    var wrongBias = assertThrows(IncompatibleShapesException.class,
        () -> LinalgOps.dense(x, rand(151, 4, 2), rand(152, 3), FusedActivation.RELU));
    assertEquals("dense: incompatible shapes (4, 2) and (3,): the bias needs shape (2,), one"
        + " value per output unit (the kernel's last axis).", wrongBias.getMessage());
    var wrongKernel = assertThrows(IncompatibleShapesException.class,
        () -> LinalgOps.dense(x, rand(153, 5, 2), null, FusedActivation.RELU));
    assertEquals("dense: incompatible shapes (3, 4) and (5, 2): the inputs' last axis (4) must"
        + " equal the kernel's input_dim (5); the kernel is (input_dim, units).",
        wrongKernel.getMessage());
    var convBias = assertThrows(IncompatibleShapesException.class,
        () -> ConvOps.conv(rand(154, 1, 5, 2), rand(155, 3, 2, 4), rand(156, 2),
            FusedActivation.LINEAR, new int[] {1}, "valid", new int[] {1}));
    assertEquals("conv1d: incompatible shapes (3, 2, 4) and (2,): the bias needs shape (4,),"
        + " one value per output unit (the kernel's last axis).", convBias.getMessage());
    var noActivation = assertThrows(JKerasException.class,
        () -> LinalgOps.dense(x, rand(157, 4, 2), null, null));
    assertEquals("dense: the activation is null; pass FusedActivation.LINEAR for none.",
        noActivation.getMessage());
  }
}
