package org.jkeras.layers.pooling;

import org.jkeras.config.Config;

/** Average pooling over 2 spatial axises, as Keras's AveragePooling2D (default pool size 2, strides = pool size). */
public class AveragePooling2D extends BasePooling {
  public AveragePooling2D() {
    this(2, 2);
  }

  public AveragePooling2D(int poolRows, int poolCols) {
    super(2, false, new int[] {poolRows, poolCols});
  }

  public AveragePooling2D strides(int... values) {
    setStrides(values);
    return this;
  }

  public AveragePooling2D padding(String value) {
    setPadding(value);
    return this;
  }

  @Override
  public AveragePooling2D name(String newName) {
    super.name(newName);
    return this;
  }

  /** A AveragePooling2D layer from its Keras config. */
  public static AveragePooling2D fromConfig(Config c) {
    int[] p = c.getInts("pool_size", 2, new int[] {2, 2}, true);
    return configure(new AveragePooling2D(p[0], p[1]), c);
  }
}
