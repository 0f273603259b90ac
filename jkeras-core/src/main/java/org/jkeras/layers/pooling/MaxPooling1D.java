package org.jkeras.layers.pooling;

import org.jkeras.config.Config;

/** Max pooling over 1 spatial axis, as Keras's MaxPooling1D (default pool size 2, strides = pool size). */
public class MaxPooling1D extends BasePooling {
  public MaxPooling1D() {
    this(2);
  }

  public MaxPooling1D(int poolSize) {
    super(1, true, new int[] {poolSize});
  }

  public MaxPooling1D strides(int value) {
    setStrides(value);
    return this;
  }

  public MaxPooling1D padding(String value) {
    setPadding(value);
    return this;
  }

  @Override
  public MaxPooling1D name(String newName) {
    super.name(newName);
    return this;
  }

  /** A MaxPooling1D layer from its Keras config. */
  public static MaxPooling1D fromConfig(Config c) {
    return configure(new MaxPooling1D(c.getInts("pool_size", 1, new int[] {2}, true)[0]), c);
  }
}
