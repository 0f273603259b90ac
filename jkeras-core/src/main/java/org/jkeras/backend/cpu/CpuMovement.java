package org.jkeras.backend.cpu;

import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.jkeras.backend.Broadcast;
import org.jkeras.backend.DType;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Data movement for every dtype: broadcast, transpose, concatenate, slice. */
final class CpuMovement {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int VL = S.length();
  /** Tile edge of the blocked transpose (a multiple of VL): a 32 x 32 float tile is 4 KiB. */
  private static final int TILE = Math.max(32, VL);

  private CpuMovement() {}

  static Tensor broadcastTo(Tensor x, Shape shape) {
    Shape check = Broadcast.shape("broadcast_to", x.shape(), shape);
    if (!check.equals(shape)) {
      throw IncompatibleShapesException.of("broadcast_to", x.shape(), shape,
          "the input cannot be broadcast to the target shape.");
    }
    Object out = CpuStorage.allocateOutput(x.dtype(), shape.sizeAsInt());
    StridedCopy.copy(CpuStorage.array(x), 0, Broadcast.stridesIn(x.shape(), shape), out, 0,
        shape.strides(), shape.dims());
    return CpuStorage.wrap(out, x.dtype(), shape);
  }

  static Tensor transpose(Tensor x, int[] perm) {
    int rank = perm.length;
    int[] inDims = x.shape().dims();
    int[] inStrides = x.shape().strides();
    int[] outDims = new int[rank];
    int[] src = new int[rank];
    for (int i = 0; i < rank; i++) {
      outDims[i] = inDims[perm[i]];
      src[i] = inStrides[perm[i]];
    }
    Shape outShape = Shape.of(outDims);
    Object out = CpuStorage.allocateOutput(x.dtype(), outShape.sizeAsInt());
    Tensor result = CpuStorage.wrap(out, x.dtype(), outShape);
    if (x.size() == 0) {
      return result;
    }
    StridedCopy.Layout l = StridedCopy.merge(outDims, src, outShape.strides());
    int r = l.rank();
    if (r >= 2 && x.dtype() == DType.FLOAT32 && l.src()[r - 1] != 1) {
      blockedTranspose(l, x.floatData(), (float[]) out);
    } else {
      StridedCopy.run(l, CpuStorage.array(x), 0, out, 0);
    }
    return result;
  }

  /**
   * A transpose whose innermost output axis q is strided in the input: the axis p that is
   * contiguous in the input and q are copied in square tiles, so both sides stay in cache;
   * every other axis is a batch axis.
   */
  private static void blockedTranspose(StridedCopy.Layout l, float[] in, float[] out) {
    int r = l.rank();
    int q = r - 1;
    int p = 0;
    while (l.src()[p] != 1) {
      p++;
    }
    int dimP = l.dims()[p];
    int dimQ = l.dims()[q];
    int strideQ = l.src()[q];
    int strideP = l.dst()[p];
    int[] batchAxes = new int[r - 2];
    for (int d = 0, j = 0; d < r - 1; d++) {
      if (d != p) {
        batchAxes[j++] = d;
      }
    }
    int tilesP = (dimP + TILE - 1) / TILE;
    int batches = (int) (l.size() / ((long) dimP * dimQ));
    CpuThreads.parallelFor(batches * tilesP, (long) TILE * dimQ, (lo, hi) -> {
      float[] buffer = new float[TILE * TILE];
      for (int task = lo; task < hi; task++) {
        int rem = task / tilesP;
        int so = 0;
        int to = 0;
        for (int k = batchAxes.length - 1; k >= 0; k--) {
          int d = batchAxes[k];
          int i = rem % l.dims()[d];
          rem /= l.dims()[d];
          so += i * l.src()[d];
          to += i * l.dst()[d];
        }
        int i0 = (task % tilesP) * TILE;
        int i1 = Math.min(dimP, i0 + TILE);
        for (int j0 = 0; j0 < dimQ; j0 += TILE) {
          int j1 = Math.min(dimQ, j0 + TILE);
          if (i1 - i0 == TILE && j1 - j0 == TILE) {
            fullTile(in, so + i0 + j0 * strideQ, strideQ, out, to + i0 * strideP + j0, strideP,
                buffer);
            continue;
          }
          for (int i = i0; i < i1; i++) {
            int s = so + i + j0 * strideQ;
            int t = to + i * strideP;
            for (int j = j0; j < j1; j++, s += strideQ) {
              out[t + j] = in[s];
            }
          }
        }
      }
    });
  }

  /**
   * One TILE x TILE tile: its input rows are copied whole into a contiguous buffer first, then
   * written out transposed one whole output row at a time. Every cache line is used completely
   * while it is loaded, so power-of-two strides (which map a tile's lines onto one cache set)
   * cost nothing.
   */
  private static void fullTile(
      float[] in, int s, int strideIn, float[] out, int t, int strideOut, float[] buffer) {
    for (int j = 0; j < TILE; j++, s += strideIn) {
      for (int c = 0; c < TILE; c += VL) {
        FloatVector.fromArray(S, in, s + c).intoArray(buffer, j * TILE + c);
      }
    }
    for (int i = 0; i < TILE; i++, t += strideOut) {
      for (int j = 0; j < TILE; j++) {
        out[t + j] = buffer[j * TILE + i];
      }
    }
  }

  static Tensor concatenate(List<Tensor> xs, int axis) {
    Tensor first = xs.get(0);
    int[] dims = first.shape().dims();
    int total = 0;
    for (Tensor x : xs) {
      total += x.shape().dim(axis);
    }
    dims[axis] = total;
    Shape outShape = Shape.of(dims);
    int after = 1;
    for (int d = axis + 1; d < dims.length; d++) {
      after *= dims[d];
    }
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= dims[d];
    }
    int n = xs.size();
    Object[] srcs = new Object[n];
    int[] blocks = new int[n];
    int[] offsets = new int[n];
    for (int i = 0, off = 0; i < n; i++) {
      srcs[i] = CpuStorage.array(xs.get(i));
      blocks[i] = xs.get(i).shape().dim(axis) * after;
      offsets[i] = off;
      off += blocks[i];
    }
    int row = total * after;
    Object out = CpuStorage.allocateOutput(first.dtype(), outShape.sizeAsInt());
    CpuThreads.parallelFor(outer, row, (lo, hi) -> {
      for (int o = lo; o < hi; o++) {
        for (int i = 0; i < n; i++) {
          System.arraycopy(srcs[i], o * blocks[i], out, o * row + offsets[i], blocks[i]);
        }
      }
    });
    return CpuStorage.wrap(out, first.dtype(), outShape);
  }

  static Tensor slice(Tensor x, int[] start, Shape shape) {
    int[] strides = x.shape().strides();
    Object out = CpuStorage.allocateOutput(x.dtype(), shape.sizeAsInt());
    StridedCopy.copy(CpuStorage.array(x), offset(start, strides), strides, out, 0,
        shape.strides(), shape.dims());
    return CpuStorage.wrap(out, x.dtype(), shape);
  }

  static Tensor sliceGradient(Tensor g, int[] start, Shape shape) {
    int[] strides = shape.strides();
    Object out = CpuStorage.allocate(g.dtype(), shape.sizeAsInt());
    StridedCopy.copy(CpuStorage.array(g), 0, g.shape().strides(), out, offset(start, strides),
        strides, g.shape().dims());
    return CpuStorage.wrap(out, g.dtype(), shape);
  }

  private static int offset(int[] start, int[] strides) {
    int off = 0;
    for (int d = 0; d < start.length; d++) {
      off += start[d] * strides[d];
    }
    return off;
  }
}
