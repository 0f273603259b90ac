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

class ConvOpsTest {
  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  @Test
  void conv2dMatchesReferenceAcrossStridesPaddingsDilationsAndSizes() {
    long seed = 1;
    for (int[] hw : new int[][] {{7, 7}, {6, 8}, {5, 4}}) {
      for (int kSize : new int[] {1, 2, 3}) {
        for (int stride : new int[] {1, 2}) {
          for (int dil : new int[] {1, 2}) {
            for (String padding : new String[] {"valid", "same"}) {
              if ((kSize - 1) * dil + 1 > Math.min(hw[0], hw[1])) {
                continue;
              }
              Tensor x = rand(seed++, 2, hw[0], hw[1], 3);
              Tensor k = rand(seed++, kSize, kSize, 3, 4);
              int[] s = {stride, stride};
              int[] d = {dil, dil};
              Tensor y = ConvOps.conv2d(x, k, s, padding, d);
              double[] expected = ConvReference.conv2d(x, k, s, d, padding);
              int oh = ConvReference.window(hw[0], kSize, stride, dil, padding)[0];
              int ow = ConvReference.window(hw[1], kSize, stride, dil, padding)[0];
              assertClose(expected, Shape.of(2, oh, ow, 4), y, 1e-5);
            }
          }
        }
      }
    }
  }

  @Test
  void conv2dWithDifferentStridesPerAxis() {
    Tensor x = rand(1, 1, 9, 8, 2);
    Tensor k = rand(2, 3, 2, 2, 5);
    int[] s = {2, 3};
    int[] d = {1, 2};
    for (String padding : new String[] {"valid", "same"}) {
      Tensor y = ConvOps.conv(x, k, s, padding, d);
      assertClose(ConvReference.conv2d(x, k, s, d, padding), y, 1e-5);
    }
    assertEquals(Shape.of(1, 5, 3, 5), ConvOps.conv(x, k, s, "same", d).shape());
  }

  @Test
  void conv1dMatchesReference() {
    long seed = 100;
    for (int len : new int[] {9, 8}) {
      for (int kSize : new int[] {1, 3, 4}) {
        for (int stride : new int[] {1, 2}) {
          for (int dil : new int[] {1, 2}) {
            for (String padding : new String[] {"valid", "same"}) {
              Tensor x = rand(seed++, 2, len, 3);
              Tensor k = rand(seed++, kSize, 3, 2);
              Tensor y = ConvOps.conv1d(x, k, stride, padding, dil);
              // The 1-D convolution is the 2-D one over an image of height 1.
              double[] expected = ConvReference.conv2d(x.withShape(Shape.of(2, 1, len, 3)),
                  k.withShape(Shape.of(1, kSize, 3, 2)), new int[] {1, stride},
                  new int[] {1, dil}, padding);
              int out = ConvReference.window(len, kSize, stride, dil, padding)[0];
              assertClose(expected, Shape.of(2, out, 2), y, 1e-5);
            }
          }
        }
      }
    }
  }

  @Test
  void conv3dWithDepthOneEqualsConv2d() {
    Tensor x = rand(1, 2, 1, 6, 5, 3);
    Tensor k = rand(2, 1, 3, 3, 3, 2);
    Tensor y3 = ConvOps.conv(x, k, new int[] {1, 2, 1}, "same", new int[] {1});
    Tensor y2 = ConvOps.conv(x.withShape(Shape.of(2, 6, 5, 3)),
        k.withShape(Shape.of(3, 3, 3, 2)), new int[] {2, 1}, "same", new int[] {1});
    assertEquals(Shape.of(2, 1, 3, 5, 2), y3.shape());
    assertClose(y2.toFloatArray(), y3, 1e-6);
  }

  @Test
  void sameOutputIsCeilOfInputOverStride() {
    Tensor y = ConvOps.conv2d(Tensor.ones(1, 7, 6, 1), Tensor.ones(4, 4, 1, 1), 2, "same");
    // Height 7, stride 2: out 4, total padding (4-1)*2+4-7 = 3, 1 before and 2 after.
    assertEquals(Shape.of(1, 4, 3, 1), y.shape());
    // Width 6: out 3, total padding (3-1)*2+4-6 = 2, 1 before. Window rows of output 0 cover
    // input rows -1..2 (3 real), columns -1..2 (3 real): 9 ones.
    assertEquals(9f, y.getFloat(0, 0, 0, 0));
    // Output row 3 covers rows 5..8 (2 real), output column 2 covers 3..6 (3 real).
    assertEquals(6f, y.getFloat(0, 3, 2, 0));
  }

  @Test
  void largeInputSplitIntoSeveralIm2colChunksMatchesReference() {
    // 5 images of 32x32 outputs with 3*3*120 columns: about 1.1M floats each, so the 4M-float
    // im2col buffer takes 3 images and the batch runs as two chunks (the kernel gradient
    // accumulates across them).
    Tensor x = rand(7, 5, 34, 34, 120);
    Tensor k = rand(8, 3, 3, 120, 2);
    Tensor g = rand(9, 5, 32, 32, 2);
    int[] one = {1, 1};
    Tensor y;
    List<Tensor> grads;
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x, k);
      y = ConvOps.conv2d(x, k, one, "valid", one);
      grads = tape.gradient(y, List.of(x, k), g);
    }
    assertClose(ConvReference.conv2d(x, k, one, one, "valid"), y, 1e-4);
    double[][] ref = ConvReference.conv2dGradients(x, k, g, one, one, "valid");
    assertClose(ref[0], grads.get(0), 1e-4);
    assertClose(ref[1], grads.get(1), 1e-4);
  }

  @Test
  void gradientsOfStridedPaddedDilatedConvMatchReference() {
    Tensor x = rand(1, 2, 7, 6, 3);
    Tensor k = rand(2, 3, 2, 3, 4);
    int[] s = {2, 1};
    int[] d = {1, 2};
    Tensor g = rand(3, 2, 4, 6, 4);
    List<Tensor> grads;
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x, k);
      grads = tape.gradient(ConvOps.conv(x, k, s, "same", d), List.of(x, k), g);
    }
    double[][] ref = ConvReference.conv2dGradients(x, k, g, s, d, "same");
    assertClose(ref[0], grads.get(0), 1e-5);
    assertClose(ref[1], grads.get(1), 1e-5);
  }

  @Test
  void conv2dGradients() {
    GradientCheck check = GradientCheck.standard();
    check.check(v -> ConvOps.conv2d(v.get(0), v.get(1), 1, "valid"),
        rand(1, 2, 4, 5, 2), rand(2, 2, 3, 2, 3));
    check.check(v -> ConvOps.conv2d(v.get(0), v.get(1), 2, "same"),
        rand(3, 1, 5, 4, 2), rand(4, 3, 3, 2, 2));
    check.check(v -> ConvOps.conv2d(v.get(0), v.get(1), new int[] {1}, "same", new int[] {2}),
        rand(5, 1, 5, 5, 2), rand(6, 2, 2, 2, 2));
    check.check(v -> ConvOps.conv2d(v.get(0), v.get(1), 1, "valid"),
        rand(7, 2, 3, 3, 3), rand(8, 1, 1, 3, 2));
  }

  @Test
  void conv1dAndConv3dGradients() {
    GradientCheck check = GradientCheck.standard();
    check.check(v -> ConvOps.conv1d(v.get(0), v.get(1), 2, "same", 1),
        rand(1, 2, 7, 2), rand(2, 3, 2, 3));
    check.check(v -> ConvOps.conv1d(v.get(0), v.get(1), 1, "valid", 2),
        rand(3, 1, 7, 2), rand(4, 2, 2, 2));
    check.check(v -> ConvOps.conv(v.get(0), v.get(1), new int[] {1, 2, 1}, "same",
        new int[] {1}), rand(5, 1, 3, 4, 3, 2), rand(6, 2, 2, 2, 2, 2));
  }

  @Test
  void onlyTheKernelGradientIsComputedWhenTheInputsAreNotWatched() {
    Tensor x = rand(1, 1, 4, 4, 2);
    Tensor k = rand(2, 3, 3, 2, 2);
    Tensor g = rand(3, 1, 4, 4, 2);
    int[] one = {1, 1};
    List<Tensor> grads;
    try (GradientTape tape = new GradientTape()) {
      tape.watch(k);
      grads = tape.gradient(ConvOps.conv2d(x, k, 1, "same"), List.of(x, k), g);
    }
    assertClose(new double[x.size()], grads.get(0), 0);
    assertClose(ConvReference.conv2dGradients(x, k, g, one, one, "same")[1], grads.get(1), 1e-5);
  }

  @Test
  void channelMismatchNamesBothShapes() {
    var e = assertThrows(IncompatibleShapesException.class,
        () -> ConvOps.conv2d(Tensor.ones(2, 5, 5, 3), Tensor.ones(3, 3, 4, 8), 1, "valid"));
    assertEquals("conv2d: incompatible shapes (2, 5, 5, 3) and (3, 3, 4, 8): the inputs have 3"
        + " channels but the kernel expects 4 (kernel.shape[-2]); kernels are laid out"
        + " (spatial..., in_channels, out_channels).", e.getMessage());
  }

  @Test
  void badPaddingNameIsRejected() {
    var e = assertThrows(JKerasException.class,
        () -> ConvOps.conv2d(Tensor.ones(1, 5, 5, 1), Tensor.ones(3, 3, 1, 1), 1, "full"));
    assertEquals("conv2d: padding must be 'valid' or 'same', got 'full'.", e.getMessage());
  }

  @Test
  void otherBadArgumentsAreRejectedClearly() {
    var rank = assertThrows(IncompatibleShapesException.class,
        () -> ConvOps.conv(Tensor.ones(5, 5, 1), Tensor.ones(3, 3, 1, 1)));
    assertEquals("conv2d: incompatible shapes (5, 5, 1) and (3, 3, 1, 1): the inputs need rank 4"
        + " (batch, spatial..., channels) for a kernel of rank 4.", rank.getMessage());
    var tooBig = assertThrows(JKerasException.class,
        () -> ConvOps.conv(Tensor.ones(1, 2, 5, 1), Tensor.ones(3, 3, 1, 1)));
    assertEquals("conv2d: the window (size 3, dilation 1) is larger than the input (1, 2, 5, 1)"
        + " on spatial axis 0 with padding 'valid'; use padding 'same' or a smaller window.",
        tooBig.getMessage());
    var strides = assertThrows(JKerasException.class, () -> ConvOps.conv(
        Tensor.ones(1, 5, 5, 1), Tensor.ones(3, 3, 1, 1), new int[] {1, 2, 3}, "same",
        new int[] {1}));
    assertEquals("conv2d: strides needs 1 or 2 values (one per spatial axis), got [1, 2, 3].",
        strides.getMessage());
    var rank1d = assertThrows(JKerasException.class,
        () -> ConvOps.conv1d(Tensor.ones(1, 5, 1), Tensor.ones(3, 3, 1, 1), 1, "same", 1));
    assertEquals("conv1d: the kernel needs rank 3 (1 spatial axes and 2 channel axes), got shape"
        + " (3, 3, 1, 1).", rank1d.getMessage());
  }
}
