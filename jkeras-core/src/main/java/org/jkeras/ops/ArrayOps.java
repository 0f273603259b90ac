package org.jkeras.ops;

import java.util.Arrays;
import org.jkeras.backend.Backend;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Reduction;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Reductions and shape manipulation, with gradients ({@code keras.ops} names). */
public final class ArrayOps {
  private ArrayOps() {}

  /** The sum of all elements. */
  public static Tensor sum(Tensor x) {
    return sum(x, null, false);
  }

  /** The sum over {@code axes} (null for all axes; negative axes count from the end). */
  public static Tensor sum(Tensor x, int[] axes, boolean keepdims) {
    int[] ax = normalizeAxes(x.shape(), axes);
    Tensor y = Backend.current().arrays().reduce(Reduction.SUM, x, ax, keepdims);
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record("sum", y, new Tensor[] {x}, g -> new Tensor[] {
        Backend.current().arrays().broadcastTo(reshape(g, keptShape(x.shape(), ax)), x.shape())
      });
    }
    return y;
  }

  /** {@code x} with a new shape of the same size; one dimension may be -1 (inferred). */
  public static Tensor reshape(Tensor x, int... shape) {
    return reshape(x, inferShape(x, shape));
  }

  /** {@code x} with a new shape of the same size. */
  public static Tensor reshape(Tensor x, Shape shape) {
    if (shape.size() != x.size()) {
      throw new JKerasException("reshape: cannot reshape a tensor of shape " + x.shape() + " ("
          + x.size() + " elements) into shape " + shape + " (" + shape.size() + " elements).");
    }
    Tensor y = x.withShape(shape);
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record("reshape", y, new Tensor[] {x},
          g -> new Tensor[] {g.withShape(x.shape())});
    }
    return y;
  }

  private static Shape inferShape(Tensor x, int[] shape) {
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == -1) {
        if (unknown >= 0) {
          throw new JKerasException("reshape: only one dimension can be -1, got "
              + Arrays.toString(shape) + ".");
        }
        unknown = i;
      } else {
        known *= shape[i];
      }
    }
    int[] dims = shape.clone();
    if (unknown >= 0) {
      if (known == 0 || x.size() % known != 0) {
        throw new JKerasException("reshape: cannot reshape a tensor of shape " + x.shape()
            + " into " + Arrays.toString(shape) + ".");
      }
      dims[unknown] = (int) (x.size() / known);
    }
    return Shape.of(dims);
  }

  /** Normalized, sorted, distinct axes; null means all axes. */
  static int[] normalizeAxes(Shape shape, int[] axes) {
    if (axes == null) {
      int[] all = new int[shape.rank()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] out = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      out[i] = shape.normalizeAxis(axes[i]);
    }
    Arrays.sort(out);
    for (int i = 1; i < out.length; i++) {
      if (out[i] == out[i - 1]) {
        throw new JKerasException("Duplicate axis " + out[i] + " in " + Arrays.toString(axes)
            + " for shape " + shape + ".");
      }
    }
    return out;
  }

  /** {@code shape} with the given axes set to 1 (the keepdims shape of a reduction). */
  static Shape keptShape(Shape shape, int[] axes) {
    int[] d = shape.dims();
    for (int a : axes) {
      d[a] = 1;
    }
    return Shape.of(d);
  }
}
