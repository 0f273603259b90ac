package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jkeras.backend.DType;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class ArrayOpsTest {
  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  private static Tensor iota(int... shape) {
    int n = Shape.of(shape).sizeAsInt();
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return Tensor.ofInts(v, shape);
  }

  /** Reference transpose by index arithmetic. */
  private static double[] transposed(Tensor x, int[] perm) {
    int[] dims = x.shape().dims();
    int[] strides = x.shape().strides();
    int rank = dims.length;
    int[] outDims = new int[rank];
    for (int i = 0; i < rank; i++) {
      outDims[i] = dims[perm[i]];
    }
    double[] out = new double[x.size()];
    int[] idx = new int[rank];
    for (int o = 0; o < out.length; o++) {
      int rem = o;
      for (int d = rank - 1; d >= 0; d--) {
        idx[d] = rem % outDims[d];
        rem /= outDims[d];
      }
      int src = 0;
      for (int d = 0; d < rank; d++) {
        src += idx[d] * strides[perm[d]];
      }
      out[o] = x.getFlat(src);
    }
    return out;
  }

  @Test
  void reshapeInfersAndWorksForIntegers() {
    Tensor x = iota(2, 3, 4);
    Tensor y = ArrayOps.reshape(x, 4, -1);
    assertEquals(Shape.of(4, 6), y.shape());
    assertEquals(DType.INT32, y.dtype());
    assertArrayEquals(x.toIntArray(), y.toIntArray());
    assertEquals(Shape.of(24), ArrayOps.reshape(x, Shape.of(Shape.UNKNOWN)).shape());
    Tensor l = ArrayOps.reshape(Tensor.ofLongs(new long[] {1, 2, 3, 4}, 4), 2, 2);
    assertEquals(3L, l.getLong(1, 0));
    var e = assertThrows(JKerasException.class, () -> ArrayOps.reshape(x, 5, 5));
    assertEquals("reshape: cannot reshape a tensor of shape (2, 3, 4) (24 elements) into shape"
        + " (5, 5) (25 elements).", e.getMessage());
    e = assertThrows(JKerasException.class, () -> ArrayOps.reshape(x, 5, -1));
    assertEquals("reshape: cannot reshape a tensor of shape (2, 3, 4) (24 elements) into [5, -1]:"
        + " 24 is not a multiple of 5.", e.getMessage());
    e = assertThrows(JKerasException.class, () -> ArrayOps.reshape(x, -1, -1));
    assertEquals("reshape: invalid target shape [-1, -1] for a tensor of shape (2, 3, 4):"
        + " dimensions must be >= 0, and at most one may be -1.", e.getMessage());
  }

  @Test
  void transposeMatchesReferenceForEveryPermutationAndDtype() {
    Tensor x = rand(1, 2, 3, 4, 5);
    int[][] perms = {{0, 1, 2, 3}, {3, 2, 1, 0}, {0, 2, 1, 3}, {1, 0, 3, 2}, {2, 3, 0, 1},
        {0, 1, 3, 2}, {3, 0, 1, 2}, {1, 2, 3, 0}};
    for (int[] perm : perms) {
      Tensor y = ArrayOps.transpose(x, perm);
      assertClose(transposed(x, perm), y, 0);
      assertEquals(x.shape().dim(perm[0]), y.shape().dim(0));
    }
    Tensor ints = iota(3, 4, 2);
    Tensor it = ArrayOps.transpose(ints, new int[] {2, 0, -2});
    assertEquals(DType.INT32, it.dtype());
    assertClose(transposed(ints, new int[] {2, 0, 1}), it, 0);
    Tensor longs = Tensor.ofLongs(new long[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertClose(new double[] {1, 4, 2, 5, 3, 6}, Shape.of(3, 2), ArrayOps.transpose(longs), 0);
    // Large enough for the blocked, multi-threaded kernel, with ragged tiles.
    Tensor big = rand(2, 301, 517);
    assertClose(transposed(big, new int[] {1, 0}), ArrayOps.transpose(big), 0);
    Tensor batched = rand(3, 5, 70, 33);
    assertClose(transposed(batched, new int[] {0, 2, 1}),
        ArrayOps.transpose(batched, new int[] {0, 2, 1}), 0);
    // Moving only size-1 axes is a view.
    assertEquals(Shape.of(1, 4, 3), ArrayOps.transpose(rand(4, 4, 1, 3), new int[] {1, 0, 2})
        .shape());
  }

  @Test
  void transposeErrors() {
    Tensor x = Tensor.ones(2, 3);
    var e = assertThrows(JKerasException.class,
        () -> ArrayOps.transpose(x, new int[] {0, 0}));
    assertEquals("transpose: axes [0, 0] is not a permutation: axis 0 appears twice.",
        e.getMessage());
    e = assertThrows(JKerasException.class, () -> ArrayOps.transpose(x, new int[] {0}));
    assertEquals("transpose: axes [0] has 1 entries but the tensor has shape (2, 3) (rank 2);"
        + " give a permutation of all its axes.", e.getMessage());
    e = assertThrows(JKerasException.class, () -> ArrayOps.transpose(x, new int[] {0, 2}));
    assertEquals("transpose: axis 2 is out of bounds for a tensor of shape (2, 3) (rank 2); use"
        + " an axis in [-2, 1].", e.getMessage());
  }

  @Test
  void expandDimsAndSqueeze() {
    Tensor x = iota(2, 3);
    assertEquals(Shape.of(1, 2, 3), ArrayOps.expandDims(x, 0).shape());
    assertEquals(Shape.of(2, 3, 1), ArrayOps.expandDims(x, -1).shape());
    assertEquals(Shape.of(2, 1, 3), ArrayOps.expandDims(x, 1).shape());
    assertEquals(Shape.of(2, 3, 1), ArrayOps.expandDims(x, 2).shape());
    assertEquals(DType.INT32, ArrayOps.expandDims(x, 0).dtype());
    Tensor y = Tensor.zeros(1, 2, 1, 3, 1);
    assertEquals(Shape.of(2, 3), ArrayOps.squeeze(y).shape());
    assertEquals(Shape.of(1, 2, 3, 1), ArrayOps.squeeze(y, 2).shape());
    assertEquals(Shape.of(2, 1, 3), ArrayOps.squeeze(y, new int[] {0, -1}).shape());
    assertEquals(Shape.of(2, 3), ArrayOps.squeeze(y, null).shape());
    var e = assertThrows(JKerasException.class, () -> ArrayOps.squeeze(y, 1));
    assertEquals("squeeze: cannot squeeze axis 1 of shape (1, 2, 1, 3, 1): its size is 2, not 1.",
        e.getMessage());
    e = assertThrows(JKerasException.class, () -> ArrayOps.expandDims(x, 3));
    assertEquals("expandDims: axis 3 is out of bounds for a tensor of shape (2, 3) (rank 2); use"
        + " an axis in [-3, 2].", e.getMessage());
  }

  @Test
  void broadcastToRepeatsAlongSizeOneAndNewAxes() {
    Tensor col = Tensor.of(new float[][] {{1}, {2}});
    assertClose(new double[] {1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2}, Shape.of(2, 2, 3),
        ArrayOps.broadcastTo(col, 2, 2, 3), 0);
    Tensor row = Tensor.ofInts(new int[] {1, 2, 3}, 3);
    Tensor b = ArrayOps.broadcastTo(row, 2, 3);
    assertEquals(DType.INT32, b.dtype());
    assertArrayEquals(new int[] {1, 2, 3, 1, 2, 3}, b.toIntArray());
    assertClose(new double[] {5, 5, 5, 5}, Shape.of(2, 2),
        ArrayOps.broadcastTo(Tensor.scalar(5), 2, 2), 0);
    var e = assertThrows(IncompatibleShapesException.class,
        () -> ArrayOps.broadcastTo(Tensor.ones(2, 3), 4, 3));
    assertEquals("broadcastTo: incompatible shapes (2, 3) and (4, 3): dimension 2 does not"
        + " broadcast against 4 (axis -2); each dimension pair must be equal or contain a 1.",
        e.getMessage());
    e = assertThrows(IncompatibleShapesException.class,
        () -> ArrayOps.broadcastTo(Tensor.ones(2, 3), 1, 3));
    assertEquals("broadcastTo: incompatible shapes (2, 3) and (1, 3): the input cannot be"
        + " broadcast to the target; each input dimension, aligned from the right, must equal the"
        + " target's or be 1.", e.getMessage());
  }

  @Test
  void zerosLikeAndOnesLikeKeepTheDtype() {
    Tensor z = ArrayOps.zerosLike(iota(2, 2));
    assertEquals(DType.INT32, z.dtype());
    assertArrayEquals(new int[4], z.toIntArray());
    Tensor o = ArrayOps.onesLike(Tensor.ofLongs(new long[] {5, 6}, 2));
    assertEquals(DType.INT64, o.dtype());
    assertArrayEquals(new long[] {1, 1}, o.toLongArray());
    assertClose(new double[] {1, 1, 1}, Shape.of(3), ArrayOps.onesLike(Tensor.zeros(3)), 0);
  }

  @Test
  void gradients() {
    GradientCheck check = GradientCheck.standard();
    check.check(v -> ArrayOps.reshape(v.get(0), 3, -1), rand(5, 2, 3, 2));
    check.check(v -> ArrayOps.transpose(v.get(0)), rand(6, 3, 4));
    check.check(v -> ArrayOps.transpose(v.get(0), new int[] {1, 2, 0}), rand(7, 2, 3, 4));
    check.check(v -> ArrayOps.transpose(v.get(0), new int[] {-1, 0, 1}), rand(8, 2, 1, 3));
    check.check(v -> ArrayOps.expandDims(v.get(0), -1), rand(9, 2, 3));
    check.check(v -> ArrayOps.squeeze(v.get(0)), rand(10, 2, 1, 3));
    check.check(v -> ArrayOps.broadcastTo(v.get(0), 2, 3, 4), rand(11, 3, 1));
    check.check(v -> ArrayOps.broadcastTo(v.get(0), 4, 3), rand(12, 3));
    check.check(v -> ArrayOps.broadcastTo(v.get(0), 2, 3), rand(13, 2, 3));
  }

  @Test
  void reduceToSumsBroadcastAxes() {
    Tensor g = rand(14, 4, 2, 3);
    Tensor r = Broadcasting.reduceTo(g, Shape.of(2, 1));
    assertEquals(Shape.of(2, 1), r.shape());
    for (int j = 0; j < 2; j++) {
      double s = 0;
      for (int i = 0; i < 4; i++) {
        for (int k = 0; k < 3; k++) {
          s += g.getFloat(i, j, k);
        }
      }
      assertEquals(s, r.getFloat(j, 0), 1e-5);
    }
    Tensor bias = Broadcasting.reduceTo(g, Shape.of(3));
    assertEquals(Shape.of(3), bias.shape());
    assertEquals(Shape.of(1, 2, 3), Broadcasting.reduceTo(rand(15, 2, 3), Shape.of(1, 2, 3))
        .shape());
  }
}
