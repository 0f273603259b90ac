package org.jkeras.layers.pooling;

import org.jkeras.config.Config;

/** Average pooling over 1 spatial axis, as Keras's AveragePooling1D (default pool size 2, strides = pool size). */
public class AveragePooling1D extends BasePooling {
  public AveragePooling1D() {
    this(2);
  }

  public AveragePooling1D(int poolSize) {
    super(1, false, new int[] {poolSize});
  }

  public AveragePooling1D strides(int value) {
    setStrides(value);
    return this;
  }

  public AveragePooling1D padding(String value) {
    setPadding(value);
    return this;
  }

  @Override
  public AveragePooling1D name(String newName) {
    super.name(newName);
    return this;
  }

  /** A AveragePooling1D layer from its Keras config. */
  public static AveragePooling1D fromConfig(Config c) {
    return configure(new AveragePooling1D(c.getInts("pool_size", 1, new int[] {2}, true)[0]), c);
  }
}
