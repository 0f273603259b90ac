package org.jkeras.layers.pooling;

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
}
