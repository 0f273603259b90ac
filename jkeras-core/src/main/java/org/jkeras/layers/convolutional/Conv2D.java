package org.jkeras.layers.convolutional;

import org.jkeras.config.Config;
import org.jkeras.initializers.Initializer;

/**
 * 2-D convolution over {@code (batch, rows, cols, channels)} inputs, as Keras's Conv2D:
 * {@code new Conv2D(16, 3, 3).padding("same")} has 16 filters of 3 x 3.
 */
public class Conv2D extends BaseConv {
  public Conv2D(int filters, int kernelRows, int kernelCols) {
    super(2, filters, new int[] {kernelRows, kernelCols});
  }

  /** A square {@code kernelSize x kernelSize} kernel. */
  public Conv2D(int filters, int kernelSize) {
    this(filters, kernelSize, kernelSize);
  }

  public Conv2D strides(int... values) {
    setStrides(values);
    return this;
  }

  public Conv2D padding(String value) {
    setPadding(value);
    return this;
  }

  public Conv2D dilationRate(int... values) {
    setDilationRate(values);
    return this;
  }

  public Conv2D activation(String name) {
    setActivation(name);
    return this;
  }

  public Conv2D useBias(boolean value) {
    setUseBias(value);
    return this;
  }

  public Conv2D kernelInitializer(Initializer init) {
    setKernelInitializer(init);
    return this;
  }

  public Conv2D biasInitializer(Initializer init) {
    setBiasInitializer(init);
    return this;
  }

  @Override
  public Conv2D name(String newName) {
    super.name(newName);
    return this;
  }

  /** A Conv2D layer from its Keras config. */
  public static Conv2D fromConfig(Config c) {
    int[] k = c.getInts("kernel_size", 2, null);
    return configure(new Conv2D(c.requireInt("filters"), k[0], k[1]), c);
  }
}
