package org.jkeras.layers.convolutional;

import org.jkeras.config.Config;
import org.jkeras.initializers.Initializer;

/** 1-D convolution over {@code (batch, steps, channels)} inputs, as Keras's Conv1D. */
public class Conv1D extends BaseConv {
  public Conv1D(int filters, int kernelSize) {
    super(1, filters, new int[] {kernelSize});
  }

  public Conv1D strides(int value) {
    setStrides(value);
    return this;
  }

  public Conv1D padding(String value) {
    setPadding(value);
    return this;
  }

  public Conv1D dilationRate(int value) {
    setDilationRate(value);
    return this;
  }

  public Conv1D activation(String name) {
    setActivation(name);
    return this;
  }

  public Conv1D useBias(boolean value) {
    setUseBias(value);
    return this;
  }

  public Conv1D kernelInitializer(Initializer init) {
    setKernelInitializer(init);
    return this;
  }

  @Override
  public Conv1D name(String newName) {
    super.name(newName);
    return this;
  }

  /** A Conv1D layer from its Keras config. */
  public static Conv1D fromConfig(Config c) {
    return configure(new Conv1D(c.requireInt("filters"), c.getInts("kernel_size", 1, null)[0]), c);
  }
}
