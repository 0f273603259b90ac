package org.jkeras.backend;

import java.util.Arrays;

/**
 * Where a sliding window (convolution kernel or pooling window) reads, per spatial axis: the input
 * size, window size, stride, dilation, the padding before the first element and the output size.
 *
 * <p>Output position {@code o} with window tap {@code t} reads input position {@code o * stride
 * - padBefore + t * dilation}; positions outside {@code [0, inputSize)} are padding. Ops compute
 * these numbers (Keras's "valid"/"same" rules, or the transposed-convolution rule), so kernels
 * never see padding names. Spatial rank is 1 to 3.
 */
public final class ConvGeometry {
  private final int[] inputSize;
  private final int[] windowSize;
  private final int[] strides;
  private final int[] dilation;
  private final int[] padBefore;
  private final int[] outputSize;

  /** Every array has one entry per spatial axis; they are copied. */
  public ConvGeometry(int[] inputSize, int[] windowSize, int[] strides, int[] dilation,
      int[] padBefore, int[] outputSize) {
    int r = inputSize.length;
    if (r < 1 || r > 3 || windowSize.length != r || strides.length != r || dilation.length != r
        || padBefore.length != r || outputSize.length != r) {
      throw new JKerasException("A window geometry needs 1 to 3 spatial axes, the same number in"
          + " every argument; got input " + Arrays.toString(inputSize) + ", window "
          + Arrays.toString(windowSize) + ", strides " + Arrays.toString(strides)
          + ", dilation " + Arrays.toString(dilation) + ", padding "
          + Arrays.toString(padBefore) + ", output " + Arrays.toString(outputSize) + ".");
    }
    this.inputSize = inputSize.clone();
    this.windowSize = windowSize.clone();
    this.strides = strides.clone();
    this.dilation = dilation.clone();
    this.padBefore = padBefore.clone();
    this.outputSize = outputSize.clone();
  }

  /** The number of spatial axes. */
  public int rank() {
    return inputSize.length;
  }

  public int inputSize(int axis) {
    return inputSize[axis];
  }

  public int windowSize(int axis) {
    return windowSize[axis];
  }

  public int stride(int axis) {
    return strides[axis];
  }

  public int dilation(int axis) {
    return dilation[axis];
  }

  public int padBefore(int axis) {
    return padBefore[axis];
  }

  public int outputSize(int axis) {
    return outputSize[axis];
  }

  /** The spatial input sizes (a copy). */
  public int[] inputSizes() {
    return inputSize.clone();
  }

  /** The spatial output sizes (a copy). */
  public int[] outputSizes() {
    return outputSize.clone();
  }

  /** {@code (batch, spatial input..., channels)}. */
  public Shape inputShape(int batch, int channels) {
    return withBatchAndChannels(batch, inputSize, channels);
  }

  /** {@code (batch, spatial output..., channels)}. */
  public Shape outputShape(int batch, int channels) {
    return withBatchAndChannels(batch, outputSize, channels);
  }

  private static Shape withBatchAndChannels(int batch, int[] spatial, int channels) {
    int[] dims = new int[spatial.length + 2];
    dims[0] = batch;
    System.arraycopy(spatial, 0, dims, 1, spatial.length);
    dims[dims.length - 1] = channels;
    return Shape.of(dims);
  }

  @Override
  public String toString() {
    return "ConvGeometry[input " + Arrays.toString(inputSize) + ", window "
        + Arrays.toString(windowSize) + ", strides " + Arrays.toString(strides) + ", dilation "
        + Arrays.toString(dilation) + ", padBefore " + Arrays.toString(padBefore) + ", output "
        + Arrays.toString(outputSize) + "]";
  }
}
