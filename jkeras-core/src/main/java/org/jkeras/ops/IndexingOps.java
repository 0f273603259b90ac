package org.jkeras.ops;

import java.util.Arrays;
import org.jkeras.backend.Backend;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Indexing ops with gradients ({@code keras.ops} names): slice, take, oneHot. */
public final class IndexingOps {
  private IndexingOps() {}

  /**
   * The block of {@code x} starting at {@code startIndices} with the given {@code shape}, as
   * {@code keras.ops.slice}; a size of -1 takes everything to the end of that axis. Any dtype.
   */
  public static Tensor slice(Tensor x, int[] startIndices, int[] shape) {
    int rank = x.rank();
    if (startIndices.length != rank || shape.length != rank) {
      throw new JKerasException("slice: start indices " + Arrays.toString(startIndices)
          + " and shape " + Arrays.toString(shape) + " need one entry per axis of the input"
          + " shape " + x.shape() + " (rank " + rank + ").");
    }
    int[] size = shape.clone();
    for (int d = 0; d < rank; d++) {
      int dim = x.shape().dim(d);
      int start = startIndices[d];
      if (size[d] == -1 && start >= 0 && start <= dim) {
        size[d] = dim - start;
      }
      if (start < 0 || size[d] < 0 || (long) start + size[d] > dim) {
        throw new JKerasException("slice: start " + start + " with size " + shape[d]
            + " does not fit axis " + d + " of size " + dim + " in shape " + x.shape()
            + "; need 0 <= start and start + size <= " + dim + ".");
      }
    }
    Shape outShape = Shape.of(size);
    int[] start = startIndices.clone();
    Tensor y = outShape.equals(x.shape()) ? x.withShape(outShape)
        : Backend.current().arrays().slice(x, start, outShape);
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record("slice", y, new Tensor[] {x}, g -> new Tensor[] {
        Backend.current().arrays().sliceGradient(g, start, x.shape())
      });
    }
    return y;
  }

  /** Entries of the flattened {@code x} at {@code indices} (int32 or int64, any shape). */
  public static Tensor take(Tensor x, Tensor indices) {
    return take(ArrayOps.reshape(x, -1), indices, 0);
  }

  /**
   * Entries of {@code x} at {@code indices} (int32 or int64, any shape) along {@code axis}: the
   * result's shape is {@code x.shape[:axis] + indices.shape + x.shape[axis + 1:]}. Negative
   * indices count from the end. The gradient scatter-adds into zeros shaped like {@code x}; an
   * Embedding layer is {@code take(table, ids, 0)}.
   */
  public static Tensor take(Tensor x, Tensor indices, int axis) {
    int a = Axes.normalize("take", x.shape(), axis);
    if (indices.dtype() != DType.INT32 && indices.dtype() != DType.INT64) {
      throw new JKerasException("take: indices must be int32 or int64, got " + indices.dtype()
          + " with shape " + indices.shape() + ".");
    }
    Tensor y = Backend.current().arrays().take(x, indices, a);
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record("take", y, new Tensor[] {x}, g -> new Tensor[] {
        Backend.current().arrays().takeGradient(g, indices, a, x.shape())
      });
    }
    return y;
  }

  /** Float32 one-hot rows along a new last axis. */
  public static Tensor oneHot(Tensor indices, int numClasses) {
    return oneHot(indices, numClasses, -1);
  }

  /**
   * A float32 tensor with a new axis of size {@code numClasses} at {@code axis} (-1: last) that
   * holds 1 at each index and 0 elsewhere; indices outside {@code [0, numClasses)} give all
   * zeros, as in Keras. Float indices are truncated to integers. No gradient.
   */
  public static Tensor oneHot(Tensor indices, int numClasses, int axis) {
    if (numClasses <= 0) {
      throw new JKerasException(
          "oneHot: numClasses must be positive, got " + numClasses + ".");
    }
    int rank = indices.rank() + 1;
    int a = Axes.normalize("oneHot", indices.shape(), axis, rank);
    Tensor y = Backend.current().arrays().oneHot(indices, numClasses);
    if (a == rank - 1) {
      return y;
    }
    int[] perm = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      perm[i] = i == a ? rank - 1 : j++;
    }
    return ArrayOps.transpose(y, perm);
  }
}
