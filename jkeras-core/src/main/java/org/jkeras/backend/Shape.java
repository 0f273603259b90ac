package org.jkeras.backend;

import java.util.Arrays;

/**
 * An immutable tensor shape. A dimension may be unknown ({@link #UNKNOWN}, printed {@code None}),
 * as the batch dimension of a symbolic input is. Prints like a Keras/Python tuple: {@code (None,
 * 32, 32, 3)}, {@code (5,)}, {@code ()}.
 */
public final class Shape {
  /** An unknown dimension (Python's {@code None}). */
  public static final int UNKNOWN = -1;

  private static final Shape SCALAR = new Shape(new int[0]);

  private final int[] dims;

  private Shape(int[] dims) {
    this.dims = dims;
  }

  /** A shape from its dimensions; {@link #UNKNOWN} marks an unknown one. */
  public static Shape of(int... dims) {
    for (int d : dims) {
      if (d < UNKNOWN) {
        throw new JKerasException(
            "Invalid shape " + Arrays.toString(dims) + ": dimensions must be >= 0 (or UNKNOWN).");
      }
    }
    return dims.length == 0 ? SCALAR : new Shape(dims.clone());
  }

  /** The shape of a scalar, {@code ()}. */
  public static Shape scalar() {
    return SCALAR;
  }

  /** A shape with an unknown leading batch dimension: {@code withBatch(32, 3)} is {@code (None, 32, 3)}. */
  public static Shape withBatch(int... dims) {
    int[] all = new int[dims.length + 1];
    all[0] = UNKNOWN;
    System.arraycopy(dims, 0, all, 1, dims.length);
    return of(all);
  }

  public int rank() {
    return dims.length;
  }

  /** The dimension at {@code axis}; negative axes count from the end as in Python. */
  public int dim(int axis) {
    return dims[normalizeAxis(axis)];
  }

  /** A copy of the dimensions. */
  public int[] dims() {
    return dims.clone();
  }

  /** Turns a possibly negative axis into an index in {@code [0, rank)}, or throws. */
  public int normalizeAxis(int axis) {
    int a = axis < 0 ? axis + dims.length : axis;
    if (a < 0 || a >= dims.length) {
      throw new JKerasException(
          "Axis " + axis + " is out of bounds for shape " + this + " of rank " + dims.length + ".");
    }
    return a;
  }

  public boolean isFullyDefined() {
    for (int d : dims) {
      if (d == UNKNOWN) {
        return false;
      }
    }
    return true;
  }

  /** The number of elements; throws when a dimension is unknown. */
  public long size() {
    long n = 1;
    for (int d : dims) {
      if (d == UNKNOWN) {
        throw new JKerasException("Shape " + this + " has an unknown dimension and no size.");
      }
      n = multiplySize(n, d);
    }
    return n;
  }

  /** {@code n * d} for element counts; a product past {@code Long.MAX_VALUE} is an error. */
  private long multiplySize(long n, int d) {
    try {
      return Math.multiplyExact(n, d);
    } catch (ArithmeticException e) {
      throw new JKerasException("Shape " + this + " has more elements than a long can count.");
    }
  }

  /** The element count as an int, for shapes that fit in one Java array. */
  public int sizeAsInt() {
    long n = size();
    TensorSizeLimit.check(this, n);
    if (n > Integer.MAX_VALUE - 8) {
      throw new JKerasException(
          "Shape " + this + " has " + n + " elements, more than one tensor can hold (2^31 - 9).");
    }
    return (int) n;
  }

  /** This shape with {@code axis} set to {@code value}. */
  public Shape withDim(int axis, int value) {
    int[] d = dims.clone();
    d[normalizeAxis(axis)] = value;
    return of(d);
  }

  /** True when every dimension is equal or unknown on either side. */
  public boolean isCompatibleWith(Shape other) {
    if (other.dims.length != dims.length) {
      return false;
    }
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] != UNKNOWN && other.dims[i] != UNKNOWN && dims[i] != other.dims[i]) {
        return false;
      }
    }
    return true;
  }

  /** Row-major strides in elements. */
  public int[] strides() {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(dims[i] == UNKNOWN ? "None" : Integer.toString(dims[i]));
    }
    if (dims.length == 1) {
      sb.append(',');
    }
    return sb.append(')').toString();
  }
}
