package org.jkeras.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * Gathers along an axis (take), its scatter-add gradient, and one-hot encoding. With {@code x}
 * seen as {@code (outer, size, inner)} around the axis, every gathered index moves one
 * contiguous row of {@code inner} elements: for an embedding table that is one arraycopy per
 * token.
 */
final class CpuGather {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private CpuGather() {}

  static Tensor take(Tensor x, Tensor indices, int axis) {
    int[] dims = x.shape().dims();
    int size = dims[axis];
    int outer = product(dims, 0, axis);
    int inner = product(dims, axis + 1, dims.length);
    int[] idx = readIndices(indices, size, axis);
    int n = idx.length;
    int[] outDims = new int[dims.length - 1 + indices.rank()];
    System.arraycopy(dims, 0, outDims, 0, axis);
    System.arraycopy(indices.shape().dims(), 0, outDims, axis, indices.rank());
    System.arraycopy(dims, axis + 1, outDims, axis + indices.rank(), dims.length - axis - 1);
    Shape outShape = Shape.of(outDims);
    Object src = CpuStorage.array(x);
    Object out = CpuStorage.allocateOutput(x.dtype(), outShape.sizeAsInt());
    CpuThreads.parallelFor(outer * n, inner, (lo, hi) -> {
      for (int row = lo; row < hi; row++) {
        int a = row / n;
        int from = (a * size + idx[row - a * n]) * inner;
        int to = row * inner;
        if (inner == 1) {
          copyOne(src, from, out, to);
        } else {
          System.arraycopy(src, from, out, to, inner);
        }
      }
    });
    return CpuStorage.wrap(out, x.dtype(), outShape);
  }

  private static void copyOne(Object src, int from, Object out, int to) {
    switch (src) {
      case float[] f -> ((float[]) out)[to] = f[from];
      case int[] i -> ((int[]) out)[to] = i[from];
      default -> ((long[]) out)[to] = ((long[]) src)[from];
    }
  }

  static Tensor takeGradient(Tensor g, Tensor indices, int axis, Shape shape) {
    int[] dims = shape.dims();
    int size = dims[axis];
    int outer = product(dims, 0, axis);
    int inner = product(dims, axis + 1, dims.length);
    int[] idx = readIndices(indices, size, axis);
    int n = idx.length;
    float[] gv = g.floatData();
    float[] out = new float[shape.sizeAsInt()];
    long work = (long) n * inner;
    if (CpuThreads.chunkCount(outer, work) > 1) {
      // Distinct outer entries write distinct rows: split them.
      CpuThreads.parallelFor(outer, work,
          (lo, hi) -> scatterAdd(gv, idx, out, lo, hi, size, inner, 0, inner));
    } else {
      // One table (an embedding): split its columns, so repeated indices never race.
      CpuThreads.parallelForAligned(inner, (long) outer * n, S.length(),
          (lo, hi) -> scatterAdd(gv, idx, out, 0, outer, size, inner, lo, hi));
    }
    return Tensor.wrap(out, shape);
  }

  private static void scatterAdd(
      float[] g, int[] idx, float[] out, int a0, int a1, int size, int inner, int c0, int c1) {
    int n = idx.length;
    int vecEnd = c0 + S.loopBound(c1 - c0);
    for (int a = a0; a < a1; a++) {
      for (int k = 0; k < n; k++) {
        int from = (a * n + k) * inner;
        int to = (a * size + idx[k]) * inner;
        int c = c0;
        for (; c < vecEnd; c += S.length()) {
          FloatVector.fromArray(S, out, to + c)
              .add(FloatVector.fromArray(S, g, from + c))
              .intoArray(out, to + c);
        }
        for (; c < c1; c++) {
          out[to + c] += g[from + c];
        }
      }
    }
  }

  static Tensor oneHot(Tensor indices, int numClasses) {
    long[] idx = indices.toLongArray();
    int[] dims = java.util.Arrays.copyOf(indices.shape().dims(), indices.rank() + 1);
    dims[indices.rank()] = numClasses;
    Shape shape = Shape.of(dims);
    float[] out = new float[shape.sizeAsInt()];
    for (int k = 0; k < idx.length; k++) {
      if (idx[k] >= 0 && idx[k] < numClasses) {
        out[k * numClasses + (int) idx[k]] = 1f;
      }
    }
    return Tensor.wrap(out, shape);
  }

  /** The indices as ints in {@code [0, size)}, negative ones wrapped; throws on a bad one. */
  private static int[] readIndices(Tensor indices, int size, int axis) {
    int[] out = new int[indices.size()];
    if (indices.dtype() == DType.INT32) {
      int[] v = indices.intData();
      for (int k = 0; k < out.length; k++) {
        out[k] = checkIndex(v[k], size, axis);
      }
    } else if (indices.dtype() == DType.INT64) {
      long[] v = indices.longData();
      for (int k = 0; k < out.length; k++) {
        out[k] = checkIndex(v[k], size, axis);
      }
    } else {
      throw new JKerasException("take: indices must be int32 or int64, got " + indices.dtype()
          + " with shape " + indices.shape() + ".");
    }
    return out;
  }

  private static int checkIndex(long i, int size, int axis) {
    long j = i < 0 ? i + size : i;
    if (j < 0 || j >= size) {
      throw new JKerasException("take: index " + i + " is out of bounds for axis " + axis
          + " with size " + size + "; indices must be in [" + (-size) + ", " + size + ").");
    }
    return (int) j;
  }

  private static int product(int[] dims, int from, int to) {
    int p = 1;
    for (int d = from; d < to; d++) {
      p *= dims[d];
    }
    return p;
  }
}
