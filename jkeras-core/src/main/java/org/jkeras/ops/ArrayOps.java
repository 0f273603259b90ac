package org.jkeras.ops;

import java.util.Arrays;
import org.jkeras.backend.ArrayKernels;
import org.jkeras.backend.Backend;
import org.jkeras.backend.Broadcast;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * Shape manipulation with gradients ({@code keras.ops} names): reshape, transpose, expandDims,
 * squeeze, broadcastTo, zerosLike, onesLike. These move data without computing on it, so they
 * accept every dtype; reshape-like ops return views that share the input's storage.
 * Reductions are in {@link ReductionOps}, joining and splitting in {@link ConcatOps}, indexing in
 * {@link IndexingOps}.
 */
public final class ArrayOps {
  private ArrayOps() {}

  private static ArrayKernels k() {
    return Backend.current().arrays();
  }

  /** The sum of all elements; the same as {@link ReductionOps#sum(Tensor)}. */
  public static Tensor sum(Tensor x) {
    return ReductionOps.sum(x);
  }

  /** The same as {@link ReductionOps#sum(Tensor, int[], boolean)}. */
  public static Tensor sum(Tensor x, int[] axes, boolean keepdims) {
    return ReductionOps.sum(x, axes, keepdims);
  }

  /** {@code x} with a new shape of the same size; one dimension may be -1 (inferred). */
  public static Tensor reshape(Tensor x, int... shape) {
    Shape target = inferShape(x, shape);
    Tensor y = x.withShape(target);
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record("reshape", y, new Tensor[] {x},
          g -> new Tensor[] {g.withShape(x.shape())});
    }
    return y;
  }

  /** {@code x} with a new shape of the same size; one dimension may be unknown (inferred). */
  public static Tensor reshape(Tensor x, Shape shape) {
    return reshape(x, shape.dims());
  }

  private static Shape inferShape(Tensor x, int[] shape) {
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == -1 && unknown < 0) {
        unknown = i;
      } else if (shape[i] < 0) {
        throw new JKerasException("reshape: invalid target shape " + Arrays.toString(shape)
            + " for a tensor of shape " + x.shape()
            + ": dimensions must be >= 0, and at most one may be -1.");
      } else {
        known *= shape[i];
      }
    }
    int[] dims = shape.clone();
    if (unknown >= 0) {
      if (known == 0 || x.size() % known != 0) {
        throw new JKerasException("reshape: cannot reshape a tensor of shape " + x.shape() + " ("
            + x.size() + " elements) into " + Arrays.toString(shape) + ": " + x.size()
            + " is not a multiple of " + known + ".");
      }
      dims[unknown] = (int) (x.size() / known);
    } else if (known != x.size()) {
      throw new JKerasException("reshape: cannot reshape a tensor of shape " + x.shape() + " ("
          + x.size() + " elements) into shape " + Shape.of(dims) + " (" + known + " elements).");
    }
    return Shape.of(dims);
  }

  /** {@code x} with its axes reversed (the matrix transpose for rank 2). */
  public static Tensor transpose(Tensor x) {
    return transpose(x, null);
  }

  /**
   * {@code x} with its axes permuted: output axis {@code i} is input axis {@code axes[i]}
   * (negative axes count from the end; null reverses the axes).
   */
  public static Tensor transpose(Tensor x, int[] axes) {
    int rank = x.rank();
    int[] perm = new int[rank];
    if (axes == null) {
      for (int i = 0; i < rank; i++) {
        perm[i] = rank - 1 - i;
      }
    } else {
      if (axes.length != rank) {
        throw new JKerasException("transpose: axes " + Arrays.toString(axes) + " has "
            + axes.length + " entries but the tensor has shape " + x.shape() + " (rank " + rank
            + "); give a permutation of all its axes.");
      }
      boolean[] seen = new boolean[rank];
      for (int i = 0; i < rank; i++) {
        perm[i] = Axes.normalize("transpose", x.shape(), axes[i]);
        if (seen[perm[i]]) {
          throw new JKerasException("transpose: axes " + Arrays.toString(axes)
              + " is not a permutation: axis " + perm[i] + " appears twice.");
        }
        seen[perm[i]] = true;
      }
    }
    int[] inverse = new int[rank];
    int[] outDims = new int[rank];
    for (int i = 0; i < rank; i++) {
      inverse[perm[i]] = i;
      outDims[i] = x.shape().dim(perm[i]);
    }
    Tensor y = keepsLayout(x.shape(), perm) ? x.withShape(Shape.of(outDims))
        : k().transpose(x, perm);
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record("transpose", y, new Tensor[] {x}, g -> new Tensor[] {
        keepsLayout(g.shape(), inverse) ? g.withShape(x.shape()) : k().transpose(g, inverse)
      });
    }
    return y;
  }

  /** True when {@code perm} keeps the order of every axis longer than 1: a reshape suffices. */
  private static boolean keepsLayout(Shape shape, int[] perm) {
    int last = -1;
    for (int p : perm) {
      if (shape.dim(p) != 1) {
        if (p < last) {
          return false;
        }
        last = p;
      }
    }
    return true;
  }

  /** {@code x} with a new axis of size 1 at {@code axis} (in {@code [-rank - 1, rank]}). */
  public static Tensor expandDims(Tensor x, int axis) {
    int a = Axes.normalize("expandDims", x.shape(), axis, x.rank() + 1);
    int[] dims = x.shape().dims();
    int[] out = new int[dims.length + 1];
    System.arraycopy(dims, 0, out, 0, a);
    out[a] = 1;
    System.arraycopy(dims, a, out, a + 1, dims.length - a);
    return reshape(x, out);
  }

  /** {@code x} without any of its size-1 axes. */
  public static Tensor squeeze(Tensor x) {
    int[] ones = new int[x.rank()];
    int n = 0;
    for (int d = 0; d < x.rank(); d++) {
      if (x.shape().dim(d) == 1) {
        ones[n++] = d;
      }
    }
    return squeeze(x, Arrays.copyOf(ones, n));
  }

  /** {@code x} without {@code axis}, which must have size 1. */
  public static Tensor squeeze(Tensor x, int axis) {
    return squeeze(x, new int[] {axis});
  }

  /** {@code x} without {@code axes}, which must all have size 1 (null: every size-1 axis). */
  public static Tensor squeeze(Tensor x, int[] axes) {
    if (axes == null) {
      return squeeze(x);
    }
    int[] ax = Axes.normalize("squeeze", x.shape(), axes);
    boolean[] drop = new boolean[x.rank()];
    for (int a : ax) {
      if (x.shape().dim(a) != 1) {
        throw new JKerasException("squeeze: cannot squeeze axis " + a + " of shape " + x.shape()
            + ": its size is " + x.shape().dim(a) + ", not 1.");
      }
      drop[a] = true;
    }
    int[] out = new int[x.rank() - ax.length];
    for (int d = 0, j = 0; d < x.rank(); d++) {
      if (!drop[d]) {
        out[j++] = x.shape().dim(d);
      }
    }
    return reshape(x, out);
  }

  public static Tensor broadcastTo(Tensor x, int... shape) {
    return broadcastTo(x, Shape.of(shape));
  }

  /** {@code x} repeated along size-1 and missing leading axes to {@code shape} (numpy rules). */
  public static Tensor broadcastTo(Tensor x, Shape shape) {
    if (!shape.isFullyDefined()) {
      throw new JKerasException(
          "broadcastTo: the target shape " + shape + " must be fully defined.");
    }
    Shape b = shape.rank() >= x.rank() ? Broadcast.shape("broadcastTo", x.shape(), shape) : null;
    if (b == null || !b.equals(shape)) {
      throw IncompatibleShapesException.of("broadcastTo", x.shape(), shape,
          "the input cannot be broadcast to the target; each input dimension, aligned from the"
              + " right, must equal the target's or be 1.");
    }
    Tensor y = x.shape().equals(shape) ? x.withShape(shape) : k().broadcastTo(x, shape);
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record("broadcastTo", y, new Tensor[] {x},
          g -> new Tensor[] {Broadcasting.reduceTo(g, x.shape())});
    }
    return y;
  }

  /** Zeros with the shape and dtype of {@code x}. */
  public static Tensor zerosLike(Tensor x) {
    return Tensor.zeros(x.shape(), x.dtype());
  }

  /** Ones with the shape and dtype of {@code x}. */
  public static Tensor onesLike(Tensor x) {
    return switch (x.dtype()) {
      case FLOAT32 -> Tensor.ones(x.shape());
      case INT32 -> filledInts(x, false);
      case BOOL -> filledInts(x, true);
      case INT64 -> {
        long[] v = new long[x.size()];
        Arrays.fill(v, 1L);
        yield Tensor.wrapLongs(v, x.shape());
      }
    };
  }

  private static Tensor filledInts(Tensor x, boolean bool) {
    int[] v = new int[x.size()];
    Arrays.fill(v, 1);
    return bool ? Tensor.wrapBools(v, x.shape()) : Tensor.wrapInts(v, x.shape());
  }
}
