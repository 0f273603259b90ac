package org.jkeras.layers.pooling;

import org.jkeras.config.Config;

/** Max pooling over 2 spatial axises, as Keras's MaxPooling2D (default pool size 2, strides = pool size). */
public class MaxPooling2D extends BasePooling {
  public MaxPooling2D() {
    this(2, 2);
  }

  public MaxPooling2D(int poolRows, int poolCols) {
    super(2, true, new int[] {poolRows, poolCols});
  }

  public MaxPooling2D strides(int... values) {
    setStrides(values);
    return this;
  }

  public MaxPooling2D padding(String value) {
    setPadding(value);
    return this;
  }

  @Override
  public MaxPooling2D name(String newName) {
    super.name(newName);
    return this;
  }

  /** A MaxPooling2D layer from its Keras config. */
  public static MaxPooling2D fromConfig(Config c) {
    int[] p = c.getInts("pool_size", 2, new int[] {2, 2}, true);
    return configure(new MaxPooling2D(p[0], p[1]), c);
  }
}
