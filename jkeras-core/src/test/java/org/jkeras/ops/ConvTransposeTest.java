package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class ConvTransposeTest {
  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  /** Keras's {@code _get_output_shape_given_tf_padding}, restated. */
  private static int kerasOutputSize(int in, int k, int s, int d, String padding, Integer op) {
    int eff = (k - 1) * d + 1;
    if (padding.equals("valid")) {
      return (in - 1) * s + eff + (op == null ? Math.max(eff, s) - eff : op);
    }
    return op == null ? in * s : (in - 1) * s + eff % 2 + op;
  }

  @Test
  void outputSizesFollowKerasFormula() {
    // {in, kernel, stride, dilation, outputPadding (-1: None), valid?, expected}
    int[][] cases = {
      {5, 3, 2, 1, -1, 1, 11}, {5, 3, 2, 1, -1, 0, 10}, {4, 2, 3, 1, -1, 1, 12},
      {4, 2, 3, 1, -1, 0, 12}, {3, 4, 2, 1, -1, 1, 8}, {3, 4, 2, 1, -1, 0, 6},
      {5, 3, 2, 1, 1, 0, 10}, {5, 3, 2, 1, 0, 0, 9}, {5, 3, 2, 1, 1, 1, 12},
      {3, 3, 1, 2, -1, 1, 7}, {3, 3, 1, 2, -1, 0, 3}, {1, 1, 1, 1, -1, 1, 1},
    };
    for (int[] c : cases) {
      String padding = c[5] == 1 ? "valid" : "same";
      int[] outPad = c[4] < 0 ? null : new int[] {c[4]};
      Tensor y = ConvOps.convTranspose(Tensor.ones(1, c[0], 1), Tensor.ones(c[1], 1, 1),
          new int[] {c[2]}, padding, outPad, new int[] {c[3]});
      assertEquals(Shape.of(1, c[6], 1), y.shape(), java.util.Arrays.toString(c));
      assertEquals(c[6], ConvShapes.transposeOutputSize(c[0], c[1], c[2], c[3], padding,
          c[4] < 0 ? null : c[4]));
    }
  }

  @Test
  void conv2dTransposeMatchesScatterReference() {
    long seed = 1;
    for (int[] hw : new int[][] {{5, 4}, {3, 3}}) {
      for (int kSize : new int[] {1, 2, 3, 4}) {
        for (int stride : new int[] {1, 2, 3}) {
          for (String padding : new String[] {"valid", "same"}) {
            Tensor x = rand(seed++, 2, hw[0], hw[1], 3);
            Tensor k = rand(seed++, kSize, kSize, 2, 3);
            Tensor y = ConvOps.conv2dTranspose(x, k, stride, padding);
            int oh = kerasOutputSize(hw[0], kSize, stride, 1, padding, null);
            int ow = kerasOutputSize(hw[1], kSize, stride, 1, padding, null);
            int[] s = {stride, stride};
            assertClose(ConvReference.conv2dTranspose(x, k, s, new int[] {1, 1}, padding, oh,
                ow), Shape.of(2, oh, ow, 2), y, 1e-5);
          }
        }
      }
    }
  }

  @Test
  void outputPaddingAndDilationMatchBothReferences() {
    long seed = 50;
    // {kernel, stride, dilation, outputPadding (-1: None)}
    int[][] cases = {{3, 2, 1, 0}, {3, 2, 1, 1}, {4, 2, 1, 0}, {4, 2, 1, 1}, {3, 3, 1, 2},
        {3, 1, 2, -1}, {2, 2, 2, -1}, {3, 2, 2, 1}, {5, 3, 1, -1}, {2, 3, 1, 1}};
    for (int[] c : cases) {
      for (String padding : new String[] {"valid", "same"}) {
        Integer op = c[3] < 0 ? null : c[3];
        Tensor x = rand(seed++, 1, 4, 5, 2);
        Tensor k = rand(seed++, c[0], c[0], 3, 2);
        Tensor y = ConvOps.convTranspose(x, k, new int[] {c[1]}, padding,
            op == null ? null : new int[] {op}, new int[] {c[2]});
        String where = java.util.Arrays.toString(c) + " " + padding;
        int oh = kerasOutputSize(4, c[0], c[1], c[2], padding, op);
        int ow = kerasOutputSize(5, c[0], c[1], c[2], padding, op);
        assertEquals(Shape.of(1, oh, ow, 3), y.shape(), where);
        int[] s = {c[1], c[1]};
        int[] d = {c[2], c[2]};
        int[] jaxHw = new int[2];
        double[] jax = ConvReference.conv2dTransposeJax(x, k, s, d, padding, op, jaxHw);
        assertEquals(oh, jaxHw[0], where);
        assertEquals(ow, jaxHw[1], where);
        assertClose(jax, y, 1e-5);
        // TensorFlow defines the same thing as a convolution's input gradient whenever that
        // convolution maps the output size back to the input size.
        boolean tfConsistent = ConvReference.window(oh, c[0], c[1], c[2], padding)[0] == 4
            && ConvReference.window(ow, c[0], c[1], c[2], padding)[0] == 5;
        if (tfConsistent) {
          assertClose(ConvReference.conv2dTranspose(x, k, s, d, padding, oh, ow), y, 1e-5);
        }
      }
    }
  }

  @Test
  void transposeIsTheInputGradientOfConv() {
    // Even sizes, so "same" pads the same way both ways round (8 -> 4 -> 8, 6 -> 3 -> 6).
    Tensor x = rand(1, 2, 8, 6, 3);
    Tensor k = rand(2, 3, 3, 3, 4);
    Tensor g = rand(3, 2, 4, 3, 4);
    Tensor gx;
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      gx = tape.gradient(ConvOps.conv2d(x, k, 2, "same"), List.of(x), g).get(0);
    }
    assertClose(gx.toFloatArray(), ConvOps.conv2dTranspose(g, k, 2, "same"), 1e-5);
  }

  @Test
  void convTransposeGradients() {
    GradientCheck check = GradientCheck.standard();
    check.check(v -> ConvOps.conv2dTranspose(v.get(0), v.get(1), 2, "valid"),
        rand(1, 2, 3, 2, 2), rand(2, 3, 3, 3, 2));
    check.check(v -> ConvOps.conv2dTranspose(v.get(0), v.get(1), 2, "same"),
        rand(3, 1, 3, 3, 2), rand(4, 3, 3, 2, 2));
    check.check(v -> ConvOps.conv2dTranspose(v.get(0), v.get(1), 2, "same"),
        rand(5, 1, 2, 3, 2), rand(6, 4, 4, 2, 2));
    check.check(v -> ConvOps.conv1dTranspose(v.get(0), v.get(1), 3, "same"),
        rand(7, 2, 4, 2), rand(8, 2, 3, 2));
    check.check(v -> ConvOps.convTranspose(v.get(0), v.get(1), new int[] {2}, "same",
        new int[] {0}, new int[] {1}), rand(9, 1, 3, 3, 2), rand(10, 3, 3, 2, 2));
  }

  @Test
  void channelMismatchAndBadArguments() {
    var e = assertThrows(IncompatibleShapesException.class,
        () -> ConvOps.conv2dTranspose(Tensor.ones(1, 4, 4, 3), Tensor.ones(3, 3, 8, 4), 2,
            "same"));
    assertEquals("conv2dTranspose: incompatible shapes (1, 4, 4, 3) and (3, 3, 8, 4): the inputs"
        + " have 3 channels but the kernel expects 4 (kernel.shape[-1]); kernels are laid out"
        + " (spatial..., out_channels, in_channels).", e.getMessage());
    var pad = assertThrows(JKerasException.class,
        () -> ConvOps.conv2dTranspose(Tensor.ones(1, 4, 4, 1), Tensor.ones(3, 3, 1, 1), 2,
            "causal"));
    assertEquals("conv2dTranspose: padding must be 'valid' or 'same', got 'causal'.",
        pad.getMessage());
    var outPad = assertThrows(JKerasException.class,
        () -> ConvOps.convTranspose(Tensor.ones(1, 4, 4, 1), Tensor.ones(3, 3, 1, 1),
            new int[] {2}, "same", new int[] {2}, new int[] {1}));
    assertEquals("conv2dTranspose: outputPadding [2] must be smaller than strides [2, 2] on"
        + " every axis.", outPad.getMessage());
  }
}
