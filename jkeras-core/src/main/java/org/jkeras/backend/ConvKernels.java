package org.jkeras.backend;

/**
 * Convolution and pooling kernels, channels_last, forward and backward. Tensors are {@code
 * (batch, spatial..., channels)} with 1 to 3 spatial axes; a {@link ConvGeometry} says where each
 * window reads (ops have already resolved padding names and checked shapes).
 *
 * <p>A transposed convolution is the input-gradient of a convolution, so it needs no kernels of
 * its own: its forward is {@link #convBackwardInput} and its gradients are {@link #conv} and
 * {@link #convBackwardKernel} with the roles of input and output swapped.
 */
public interface ConvKernels {
  /**
   * Cross-correlation: {@code input (N, in..., Ci)} with {@code kernel (k..., Ci, Co)} gives
   * {@code (N, out..., Co)}.
   */
  Tensor conv(Tensor input, Tensor kernel, ConvGeometry geometry);

  /**
   * {@code activation(conv(input, kernel) + bias)} in one pass over the output ({@code bias
   * (Co)} or null), the bias and activation applied to each block of output rows right after its
   * GEMM.
   */
  Tensor conv(Tensor input, Tensor kernel, Tensor bias, FusedActivation activation,
      ConvGeometry geometry);

  /**
   * The gradient of {@link #conv} with respect to its input: {@code gradOutput (N, out..., Co)}
   * and {@code kernel (k..., Ci, Co)} give {@code (N, in..., Ci)}.
   */
  Tensor convBackwardInput(Tensor gradOutput, Tensor kernel, ConvGeometry geometry);

  /**
   * The gradient of {@link #conv} with respect to its kernel: {@code input (N, in..., Ci)} and
   * {@code gradOutput (N, out..., Co)} give {@code (k..., Ci, Co)}.
   */
  Tensor convBackwardKernel(Tensor input, Tensor gradOutput, ConvGeometry geometry);

  /**
   * Depthwise convolution: each input channel {@code c} is convolved with its own {@code
   * kernel[..., c, m]} for every {@code m < depthMultiplier}; {@code input (N, in..., C)} and
   * {@code kernel (k..., C, M)} give {@code (N, out..., C * M)}, channel {@code c * M + m}.
   */
  Tensor depthwiseConv(Tensor input, Tensor kernel, ConvGeometry geometry);

  /** The gradient of {@link #depthwiseConv} with respect to its input. */
  Tensor depthwiseConvBackwardInput(Tensor gradOutput, Tensor kernel, ConvGeometry geometry);

  /** The gradient of {@link #depthwiseConv} with respect to its kernel. */
  Tensor depthwiseConvBackwardKernel(Tensor input, Tensor gradOutput, ConvGeometry geometry);

  /**
   * Max pooling per channel; padded positions never win. {@code (N, in..., C)} to {@code (N,
   * out..., C)}; the geometry's window is the pool size.
   */
  Tensor maxPool(Tensor input, ConvGeometry geometry);

  /**
   * The gradient of {@link #maxPool}: each output gradient goes to the first input position (in
   * window order) holding that window's maximum. {@code output} is what {@link #maxPool} returned.
   */
  Tensor maxPoolBackward(Tensor input, Tensor output, Tensor gradOutput, ConvGeometry geometry);

  /** Average pooling per channel over the window's non-padded positions only (as TensorFlow). */
  Tensor averagePool(Tensor input, ConvGeometry geometry);

  /** The gradient of {@link #averagePool}: {@code (N, out..., C)} to {@code (N, in..., C)}. */
  Tensor averagePoolBackward(Tensor gradOutput, ConvGeometry geometry);
}
