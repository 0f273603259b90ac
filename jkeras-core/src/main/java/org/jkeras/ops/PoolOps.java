package org.jkeras.ops;

import org.jkeras.backend.Backend;
import org.jkeras.backend.ConvGeometry;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;

/**
 * Max and average pooling with gradients ({@code keras.ops.max_pool}, {@code average_pool}),
 * channels_last: inputs {@code (batch, spatial..., channels)} with 1 to 3 spatial axes. {@code
 * poolSize} and {@code strides} take one value per spatial axis or one for all; strides null
 * means the pool size, as in Keras.
 */
public final class PoolOps {
  private PoolOps() {}

  /** {@code keras.ops.max_pool(inputs, pool_size)}: strides = pool size, "valid" padding. */
  public static Tensor maxPool(Tensor inputs, int[] poolSize) {
    return maxPool(inputs, poolSize, null, "valid");
  }

  /** {@code keras.ops.max_pool}: the largest value of each window, per channel. */
  public static Tensor maxPool(Tensor inputs, int[] poolSize, int[] strides, String padding) {
    String op = opName("maxPool", inputs);
    ConvGeometry g = geometry(op, inputs, poolSize, strides, padding);
    var k = Backend.current().conv();
    Tensor y = k.maxPool(inputs, g);
    if (GradientTape.shouldRecord(inputs)) {
      GradientTape.record(op, y, new Tensor[] {inputs},
          grad -> new Tensor[] {k.maxPoolBackward(inputs, y, grad, g)});
    }
    return y;
  }

  /**
   * {@code keras.ops.average_pool}: the mean of each window, per channel. With "same" padding a
   * window on the border averages only its real (non-padded) positions, as TensorFlow does.
   */
  public static Tensor averagePool(Tensor inputs, int[] poolSize) {
    return averagePool(inputs, poolSize, null, "valid");
  }

  /** {@code keras.ops.average_pool} with explicit strides (null: the pool size) and padding. */
  public static Tensor averagePool(Tensor inputs, int[] poolSize, int[] strides, String padding) {
    String op = opName("averagePool", inputs);
    ConvGeometry g = geometry(op, inputs, poolSize, strides, padding);
    var k = Backend.current().conv();
    Tensor y = k.averagePool(inputs, g);
    if (GradientTape.shouldRecord(inputs)) {
      GradientTape.record(op, y, new Tensor[] {inputs},
          grad -> new Tensor[] {k.averagePoolBackward(grad, g)});
    }
    return y;
  }

  /** 1-D max pooling over {@code (batch, steps, channels)}. */
  public static Tensor maxPool1d(Tensor inputs, int poolSize, int strides, String padding) {
    requireRank("maxPool1d", inputs, 1);
    return maxPool(inputs, new int[] {poolSize}, new int[] {strides}, padding);
  }

  /** 2-D max pooling over {@code (batch, height, width, channels)}. */
  public static Tensor maxPool2d(Tensor inputs, int poolSize, int strides, String padding) {
    requireRank("maxPool2d", inputs, 2);
    return maxPool(inputs, new int[] {poolSize}, new int[] {strides}, padding);
  }

  /** 1-D average pooling over {@code (batch, steps, channels)}. */
  public static Tensor averagePool1d(Tensor inputs, int poolSize, int strides, String padding) {
    requireRank("averagePool1d", inputs, 1);
    return averagePool(inputs, new int[] {poolSize}, new int[] {strides}, padding);
  }

  /** 2-D average pooling over {@code (batch, height, width, channels)}. */
  public static Tensor averagePool2d(Tensor inputs, int poolSize, int strides, String padding) {
    requireRank("averagePool2d", inputs, 2);
    return averagePool(inputs, new int[] {poolSize}, new int[] {strides}, padding);
  }

  private static String opName(String base, Tensor inputs) {
    int r = inputs.rank() - 2;
    return r >= 1 && r <= 3 ? base + r + "d" : base;
  }

  private static void requireRank(String op, Tensor inputs, int spatialRank) {
    if (inputs.rank() != spatialRank + 2) {
      throw new JKerasException(op + ": the inputs need rank " + (spatialRank + 2)
          + " (batch, " + spatialRank + " spatial axes, channels), got shape " + inputs.shape()
          + ".");
    }
  }

  private static ConvGeometry geometry(
      String op, Tensor inputs, int[] poolSize, int[] strides, String padding) {
    int r = inputs.rank() - 2;
    if (r < 1 || r > 3) {
      throw new JKerasException(op + ": the inputs need rank 3 to 5 (batch, spatial...,"
          + " channels), got shape " + inputs.shape() + ".");
    }
    if (inputs.dtype() != DType.FLOAT32) {
      throw new JKerasException(op + ": the inputs must be float32, got " + inputs.dtype()
          + ".");
    }
    String pad = ConvShapes.checkPadding(op, padding);
    int[] size = ConvShapes.perAxis(op, "poolSize", poolSize, r);
    int[] s = strides == null ? size : ConvShapes.perAxis(op, "strides", strides, r);
    int[] ones = new int[r];
    java.util.Arrays.fill(ones, 1);
    return ConvShapes.geometry(op, inputs.shape(), size, s, ones, pad);
  }
}
