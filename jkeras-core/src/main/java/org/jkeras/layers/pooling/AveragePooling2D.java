package org.jkeras.layers.pooling;

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
}
