package org.jkeras.ops;

import java.util.Arrays;
import org.jkeras.backend.Backend;
import org.jkeras.backend.ConvGeometry;
import org.jkeras.backend.ConvKernels;
import org.jkeras.backend.DType;
import org.jkeras.backend.FusedActivation;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;

/**
 * Convolutions with gradients ({@code keras.ops.conv}, {@code depthwise_conv}, {@code
 * conv_transpose}), channels_last: inputs {@code (batch, spatial..., channels)} with 1 to 3
 * spatial axes, kernels laid out exactly as Keras stores them in its layers. {@code strides},
 * {@code dilationRate} (and {@code outputPadding}) take one value per spatial axis or a single
 * value for all, like Keras's int-or-tuple arguments.
 */
public final class ConvOps {
  private static final int[] ONE = {1};

  private ConvOps() {}

  private static ConvKernels k() {
    return Backend.current().conv();
  }

  /** {@code keras.ops.conv(inputs, kernel)}: stride 1, "valid" padding, no dilation. */
  public static Tensor conv(Tensor inputs, Tensor kernel) {
    return conv(inputs, kernel, ONE, "valid", ONE);
  }

  /**
   * {@code keras.ops.conv}: cross-correlation of {@code inputs (batch, spatial..., in_channels)}
   * with {@code kernel (spatial..., in_channels, out_channels)}; the spatial rank comes from the
   * kernel. {@code padding} is "valid" or "same" (TensorFlow's rule: output {@code ceil(in /
   * stride)}, the smaller half of the padding first).
   */
  public static Tensor conv(
      Tensor inputs, Tensor kernel, int[] strides, String padding, int[] dilationRate) {
    return conv(inputs, kernel, null, FusedActivation.LINEAR, strides, padding, dilationRate);
  }

  /**
   * {@code activation(conv(inputs, kernel) + bias)}, a convolution layer's computation, as one
   * op with one tape record: the bias ({@code (out_channels)}, or null) and the activation run on
   * each block of the GEMM's output while it is in cache, and the backward computes the
   * pre-activation gradient from the output once for the bias, kernel and input gradients.
   */
  public static Tensor conv(Tensor inputs, Tensor kernel, Tensor bias,
      FusedActivation activation, int[] strides, String padding, int[] dilationRate) {
    String op = opName("conv", kernel.rank() - 2, "");
    checkOperands(op, inputs, kernel, "conv");
    FusedEpilogue.checkActivation(op, activation);
    FusedEpilogue.checkBias(op, bias, kernel.shape().dim(-1), kernel.shape());
    int r = kernel.rank() - 2;
    String pad = ConvShapes.checkPadding(op, padding);
    int[] s = ConvShapes.perAxis(op, "strides", strides, r);
    int[] d = ConvShapes.perAxis(op, "dilationRate", dilationRate, r);
    ConvGeometry g = ConvShapes.geometry(op, inputs.shape(), spatial(kernel), s, d, pad);
    Tensor y = k().conv(inputs, kernel, bias, activation, g);
    Tensor[] operands = bias == null ? new Tensor[] {inputs, kernel}
        : new Tensor[] {inputs, kernel, bias};
    if (GradientTape.shouldRecord(operands)) {
      boolean needInput = GradientTape.shouldRecord(inputs);
      boolean needKernel = GradientTape.shouldRecord(kernel);
      boolean needBias = bias != null && GradientTape.shouldRecord(bias);
      GradientTape.record(op, y, operands, grad -> {
        Tensor dz = FusedEpilogue.preActivationGradient(activation, y, grad);
        Tensor gi = needInput ? k().convBackwardInput(dz, kernel, g) : null;
        Tensor gk = needKernel ? k().convBackwardKernel(inputs, dz, g) : null;
        return bias == null ? new Tensor[] {gi, gk}
            : new Tensor[] {gi, gk, needBias ? FusedEpilogue.biasGradient(dz) : null};
      });
    }
    return y;
  }

  /** A 1-D {@link #conv}: inputs {@code (batch, steps, in)}, kernel {@code (k, in, out)}. */
  public static Tensor conv1d(
      Tensor inputs, Tensor kernel, int strides, String padding, int dilationRate) {
    requireKernelRank("conv1d", kernel, 1);
    return conv(inputs, kernel, new int[] {strides}, padding, new int[] {dilationRate});
  }

  /** A 2-D {@link #conv} with no dilation: kernel {@code (kh, kw, in, out)}. */
  public static Tensor conv2d(Tensor inputs, Tensor kernel, int strides, String padding) {
    return conv2d(inputs, kernel, new int[] {strides}, padding, ONE);
  }

  /** A 2-D {@link #conv}: inputs {@code (batch, h, w, in)}, kernel {@code (kh, kw, in, out)}. */
  public static Tensor conv2d(
      Tensor inputs, Tensor kernel, int[] strides, String padding, int[] dilationRate) {
    requireKernelRank("conv2d", kernel, 2);
    return conv(inputs, kernel, strides, padding, dilationRate);
  }

  /**
   * {@code keras.ops.depthwise_conv}: each input channel {@code c} is convolved with {@code
   * kernel[..., c, m]} for each {@code m}; kernel {@code (spatial..., in_channels,
   * depth_multiplier)}, output channel {@code c * depth_multiplier + m}.
   */
  public static Tensor depthwiseConv(
      Tensor inputs, Tensor kernel, int[] strides, String padding, int[] dilationRate) {
    String op = opName("depthwiseConv", kernel.rank() - 2, "");
    checkOperands(op, inputs, kernel, "depthwise");
    int r = kernel.rank() - 2;
    String pad = ConvShapes.checkPadding(op, padding);
    int[] s = ConvShapes.perAxis(op, "strides", strides, r);
    int[] d = ConvShapes.perAxis(op, "dilationRate", dilationRate, r);
    ConvGeometry g = ConvShapes.geometry(op, inputs.shape(), spatial(kernel), s, d, pad);
    Tensor y = k().depthwiseConv(inputs, kernel, g);
    if (GradientTape.shouldRecord(inputs, kernel)) {
      boolean needInput = GradientTape.shouldRecord(inputs);
      GradientTape.record(op, y, new Tensor[] {inputs, kernel}, grad -> new Tensor[] {
        needInput ? k().depthwiseConvBackwardInput(grad, kernel, g) : null,
        k().depthwiseConvBackwardKernel(inputs, grad, g)
      });
    }
    return y;
  }

  /** A 2-D {@link #depthwiseConv} with no dilation: kernel {@code (kh, kw, in, multiplier)}. */
  public static Tensor depthwiseConv2d(Tensor inputs, Tensor kernel, int strides, String padding) {
    requireKernelRank("depthwiseConv2d", kernel, 2);
    return depthwiseConv(inputs, kernel, new int[] {strides}, padding, ONE);
  }

  /**
   * {@code keras.ops.conv_transpose}: the input gradient of a convolution, used to upsample.
   * Inputs {@code (batch, spatial..., in_channels)}, kernel {@code (spatial..., out_channels,
   * in_channels)} as Keras stores ConvTranspose kernels. With {@code outputPadding} null the
   * output is {@code in * stride} for "same" and {@code (in - 1) * stride + max(dilated kernel,
   * stride)} for "valid"; otherwise each value (less than the stride) is added, as in Keras.
   */
  public static Tensor convTranspose(Tensor inputs, Tensor kernel, int[] strides, String padding,
      int[] outputPadding, int[] dilationRate) {
    String op = opName("conv", kernel.rank() - 2, "Transpose");
    checkOperands(op, inputs, kernel, "transpose");
    int r = kernel.rank() - 2;
    String pad = ConvShapes.checkPadding(op, padding);
    int[] s = ConvShapes.perAxis(op, "strides", strides, r);
    int[] d = ConvShapes.perAxis(op, "dilationRate", dilationRate, r);
    int[] outPad = null;
    if (outputPadding != null) {
      outPad = ConvShapes.perAxis(op, "outputPadding", outputPadding, r, 0);
      for (int a = 0; a < r; a++) {
        if (outPad[a] >= s[a]) {
          throw new JKerasException(op + ": outputPadding " + Arrays.toString(outputPadding)
              + " must be smaller than strides " + Arrays.toString(s) + " on every axis.");
        }
      }
    }
    ConvGeometry g = ConvShapes.transposeGeometry(inputs.shape(), spatial(kernel), s, d, pad,
        outPad);
    Tensor y = k().convBackwardInput(inputs, kernel, g);
    if (GradientTape.shouldRecord(inputs, kernel)) {
      boolean needInput = GradientTape.shouldRecord(inputs);
      GradientTape.record(op, y, new Tensor[] {inputs, kernel}, grad -> new Tensor[] {
        needInput ? k().conv(grad, kernel, g) : null,
        k().convBackwardKernel(grad, inputs, g)
      });
    }
    return y;
  }

  /** A 2-D {@link #convTranspose} with no output padding and no dilation. */
  public static Tensor conv2dTranspose(Tensor inputs, Tensor kernel, int strides, String padding) {
    return conv2dTranspose(inputs, kernel, new int[] {strides}, padding);
  }

  /** A 2-D {@link #convTranspose}: kernel {@code (kh, kw, out, in)}, no output padding. */
  public static Tensor conv2dTranspose(
      Tensor inputs, Tensor kernel, int[] strides, String padding) {
    requireKernelRank("conv2dTranspose", kernel, 2);
    return convTranspose(inputs, kernel, strides, padding, null, ONE);
  }

  /** A 1-D {@link #convTranspose}: kernel {@code (k, out, in)}, no output padding. */
  public static Tensor conv1dTranspose(Tensor inputs, Tensor kernel, int strides, String padding) {
    requireKernelRank("conv1dTranspose", kernel, 1);
    return convTranspose(inputs, kernel, new int[] {strides}, padding, null, ONE);
  }

  // ---- checks --------------------------------------------------------------------------------

  private static String opName(String base, int spatialRank, String suffix) {
    return spatialRank >= 1 && spatialRank <= 3 ? base + spatialRank + "d" + suffix
        : base + suffix;
  }

  private static void requireKernelRank(String op, Tensor kernel, int spatialRank) {
    if (kernel.rank() != spatialRank + 2) {
      throw new JKerasException(op + ": the kernel needs rank " + (spatialRank + 2)
          + " (" + spatialRank + " spatial axes and 2 channel axes), got shape " + kernel.shape()
          + ".");
    }
  }

  /**
   * Checks ranks, dtypes and that the inputs' channels match the kernel's; {@code kind} selects
   * the kernel layout ("conv", "depthwise" or "transpose").
   */
  private static void checkOperands(String op, Tensor inputs, Tensor kernel, String kind) {
    String layout = switch (kind) {
      case "transpose" -> "(spatial..., out_channels, in_channels)";
      case "depthwise" -> "(spatial..., in_channels, depth_multiplier)";
      default -> "(spatial..., in_channels, out_channels)";
    };
    if (kernel.rank() < 3 || kernel.rank() > 5) {
      throw new JKerasException(op + ": the kernel needs rank 3 to 5, laid out " + layout
          + ", got shape " + kernel.shape() + ".");
    }
    if (inputs.rank() != kernel.rank()) {
      throw IncompatibleShapesException.of(op, inputs.shape(), kernel.shape(),
          "the inputs need rank " + kernel.rank() + " (batch, spatial..., channels) for a kernel"
              + " of rank " + kernel.rank() + ".");
    }
    int channels = inputs.shape().dim(-1);
    int kernelChannels = kernel.shape().dim(kind.equals("transpose") ? -1 : -2);
    if (channels != kernelChannels) {
      String where = kind.equals("transpose") ? "kernel.shape[-1]" : "kernel.shape[-2]";
      throw IncompatibleShapesException.of(op, inputs.shape(), kernel.shape(),
          "the inputs have " + channels + " channels but the kernel expects " + kernelChannels
              + " (" + where + "); kernels are laid out " + layout + ".");
    }
    if (inputs.dtype() != DType.FLOAT32 || kernel.dtype() != DType.FLOAT32) {
      throw new JKerasException(op + ": inputs and kernel must be float32, got "
          + inputs.dtype() + " and " + kernel.dtype() + ".");
    }
  }

  private static int[] spatial(Tensor kernel) {
    return Arrays.copyOf(kernel.shape().dims(), kernel.rank() - 2);
  }
}
