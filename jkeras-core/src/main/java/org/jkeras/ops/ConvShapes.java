package org.jkeras.ops;

import java.util.Arrays;
import java.util.Locale;
import org.jkeras.backend.ConvGeometry;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;

/**
 * Keras's window arithmetic for convolution and pooling, shared by the ops and (for output
 * shapes at graph-build time) by the layers: the "valid"/"same" rules of TensorFlow and the
 * transposed-convolution rule of {@code keras/src/backend/common/backend_utils.py}. Sizes may be
 * {@link Shape#UNKNOWN}, which stays unknown.
 */
public final class ConvShapes {
  private ConvShapes() {}

  /** The padding name in lower case ({@code "valid"} or {@code "same"}), or a clear error. */
  public static String checkPadding(String op, String padding) {
    String p = padding == null ? "null" : padding.toLowerCase(Locale.ROOT);
    if (!p.equals("valid") && !p.equals("same")) {
      throw new JKerasException(op + ": padding must be 'valid' or 'same', got '" + padding
          + "'.");
    }
    return p;
  }

  /**
   * One value per spatial axis: {@code values} itself, or its single value repeated (as Keras
   * accepts an int for a tuple). Every value must be at least 1.
   */
  public static int[] perAxis(String op, String name, int[] values, int rank) {
    return perAxis(op, name, values, rank, 1);
  }

  /** Like {@link #perAxis(String, String, int[], int)} with a given smallest allowed value. */
  public static int[] perAxis(String op, String name, int[] values, int rank, int min) {
    if (values == null || (values.length != 1 && values.length != rank)) {
      throw new JKerasException(op + ": " + name + " needs 1 or " + rank + " values (one per"
          + " spatial axis), got " + (values == null ? "null" : Arrays.toString(values)) + ".");
    }
    int[] out = values.length == rank ? values.clone() : filled(rank, values[0]);
    for (int v : out) {
      if (v < min) {
        throw new JKerasException(op + ": " + name + " must be " + min + " or more, got "
            + Arrays.toString(values) + ".");
      }
    }
    return out;
  }

  private static int[] filled(int n, int v) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }

  /** The window's extent once dilated: {@code (k - 1) * dilation + 1}. */
  public static int dilatedSize(int window, int dilation) {
    return (window - 1) * dilation + 1;
  }

  /**
   * Output size of a convolution or pooling along one axis: {@code ceil(in / stride)} for
   * "same", {@code floor((in - dilated) / stride) + 1} for "valid" (0 when the window does not
   * fit).
   */
  public static int outputSize(int in, int window, int stride, int dilation, String padding) {
    if (in == Shape.UNKNOWN) {
      return Shape.UNKNOWN;
    }
    if (padding.equals("same")) {
      return (in + stride - 1) / stride;
    }
    int k = dilatedSize(window, dilation);
    return in < k ? 0 : (in - k) / stride + 1;
  }

  /**
   * A windowed layer's output dims for a channels-last input {@code in}: each spatial axis as
   * {@link #outputSize} (channels left as in {@code in}). A window that leaves an axis empty is
   * refused, naming the layer, so no layer silently produces a 0-size output. {@code dilations}
   * null means none (pooling).
   */
  public static int[] windowedOutput(String layer, String window, Shape in, int[] sizes,
      int[] strides, int[] dilations, String padding) {
    int[] out = in.dims();
    for (int i = 0; i < sizes.length; i++) {
      int dilation = dilations == null ? 1 : dilations[i];
      out[1 + i] = outputSize(in.dim(1 + i), sizes[i], strides[i], dilation, padding);
      if (out[1 + i] == 0 && in.dim(1 + i) > 0) {
        throw new JKerasException("Layer '" + layer + "': the " + window + " (size " + sizes[i]
            + (dilations == null ? "" : ", dilation " + dilation) + ") does not fit the input "
            + in + " on spatial axis " + i + " with padding 'valid', so the output would be"
            + " empty. Use padding \"same\", a smaller window or a larger input.");
      }
    }
    return out;
  }

  /**
   * Padding before the first element for "same" (TensorFlow's rule: the total is {@code
   * max((out - 1) * stride + dilated - in, 0)}, the smaller half goes first); 0 for "valid".
   */
  public static int padBefore(int in, int window, int stride, int dilation, String padding) {
    if (!padding.equals("same")) {
      return 0;
    }
    int out = outputSize(in, window, stride, dilation, padding);
    int total = Math.max((out - 1) * stride + dilatedSize(window, dilation) - in, 0);
    return total / 2;
  }

  /**
   * The geometry of a convolution or pooling over {@code inputShape} {@code (batch, spatial...,
   * channels)}; throws when the window does not fit a "valid" input.
   */
  public static ConvGeometry geometry(String op, Shape inputShape, int[] window, int[] strides,
      int[] dilation, String padding) {
    int r = window.length;
    int[] in = new int[r];
    int[] pad = new int[r];
    int[] out = new int[r];
    for (int a = 0; a < r; a++) {
      in[a] = inputShape.dim(a + 1);
      out[a] = outputSize(in[a], window[a], strides[a], dilation[a], padding);
      pad[a] = padBefore(in[a], window[a], strides[a], dilation[a], padding);
      if (out[a] == 0) {
        throw new JKerasException(op + ": the window (size " + window[a] + ", dilation "
            + dilation[a] + ") is larger than the input " + inputShape + " on spatial axis " + a
            + " with padding 'valid'; use padding 'same' or a smaller window.");
      }
    }
    return new ConvGeometry(in, window, strides, dilation, pad, out);
  }

  /**
   * Output size of a transposed convolution along one axis (Keras's {@code
   * compute_conv_transpose_output_shape}); {@code outputPadding} may be null.
   */
  public static int transposeOutputSize(
      int in, int window, int stride, int dilation, String padding, Integer outputPadding) {
    if (in == Shape.UNKNOWN) {
      return Shape.UNKNOWN;
    }
    int k = dilatedSize(window, dilation);
    if (padding.equals("valid")) {
      int extra = outputPadding == null ? Math.max(k, stride) - k : outputPadding;
      return (in - 1) * stride + k + extra;
    }
    return outputPadding == null ? in * stride : (in - 1) * stride + k % 2 + outputPadding;
  }

  /**
   * How far the transposed convolution's output is shifted: output position {@code i * stride -
   * crop + t * dilation} receives input {@code i} through tap {@code t}. This is {@code
   * dilated - 1 - left_pad} with JAX's left padding from Keras's {@code
   * _convert_conv_transpose_padding_args_from_keras_to_jax}.
   */
  public static int transposeCrop(
      int window, int stride, int dilation, String padding, Integer outputPadding) {
    int k = dilatedSize(window, dilation);
    if (padding.equals("valid")) {
      return 0;
    }
    int padLen = outputPadding == null ? stride + k - 2 : k + k % 2 - 2 + outputPadding;
    int leftPad = Math.min(padLen / 2 + padLen % 2, k - 1);
    return k - 1 - leftPad;
  }

  /**
   * The geometry of the convolution whose input gradient is this transposed convolution: its
   * "input" is the transposed output and its "output" the transposed input.
   */
  public static ConvGeometry transposeGeometry(Shape inputShape, int[] window, int[] strides,
      int[] dilation, String padding, int[] outputPadding) {
    int r = window.length;
    int[] in = new int[r];
    int[] crop = new int[r];
    int[] out = new int[r];
    for (int a = 0; a < r; a++) {
      Integer op = outputPadding == null ? null : outputPadding[a];
      in[a] = inputShape.dim(a + 1);
      out[a] = transposeOutputSize(in[a], window[a], strides[a], dilation[a], padding, op);
      crop[a] = transposeCrop(window[a], strides[a], dilation[a], padding, op);
    }
    return new ConvGeometry(out, window, strides, dilation, crop, in);
  }
}
