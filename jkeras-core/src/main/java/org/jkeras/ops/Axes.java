package org.jkeras.ops;

import java.util.Arrays;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Internal: axis arguments checked and normalized, with errors that name the op. */
final class Axes {
  private Axes() {}

  /** {@code axis} in {@code [0, rank)}; negative axes count from the end. */
  static int normalize(String op, Shape shape, int axis) {
    return normalize(op, shape, axis, shape.rank());
  }

  /** {@code axis} in {@code [0, rank)} for an op whose axes range over {@code rank} places. */
  static int normalize(String op, Shape shape, int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      String range =
          rank == 0 ? "none exists" : "use an axis in [" + -rank + ", " + (rank - 1) + "]";
      throw new JKerasException(op + ": axis " + axis + " is out of bounds for a tensor of shape "
          + shape + " (rank " + shape.rank() + "); " + range + ".");
    }
    return a;
  }

  /** Normalized, sorted, distinct axes; null means all axes. */
  static int[] normalize(String op, Shape shape, int[] axes) {
    if (axes == null) {
      return all(shape.rank());
    }
    int[] out = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      out[i] = normalize(op, shape, axes[i]);
    }
    Arrays.sort(out);
    for (int i = 1; i < out.length; i++) {
      if (out[i] == out[i - 1]) {
        throw new JKerasException(op + ": axis " + out[i] + " appears twice in "
            + Arrays.toString(axes) + " for a tensor of shape " + shape + ".");
      }
    }
    return out;
  }

  static int[] all(int rank) {
    int[] all = new int[rank];
    for (int i = 0; i < rank; i++) {
      all[i] = i;
    }
    return all;
  }

  /** {@code shape} with the given axes set to 1 (the keepdims shape of a reduction). */
  static Shape kept(Shape shape, int[] axes) {
    int[] d = shape.dims();
    for (int a : axes) {
      d[a] = 1;
    }
    return Shape.of(d);
  }

  /** Throws unless {@code x} is float32: {@code op} computes, it does not just move data. */
  static void requireFloat(String op, Tensor x) {
    if (x.dtype() != DType.FLOAT32) {
      throw new JKerasException(op + ": expected a float32 tensor but got " + x.dtype()
          + " with shape " + x.shape() + "; convert it to float32 first.");
    }
  }
}
