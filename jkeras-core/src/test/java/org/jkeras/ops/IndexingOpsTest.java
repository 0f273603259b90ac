package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class IndexingOpsTest {
  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  @Test
  void sliceTakesABlock() {
    Tensor x = rand(1, 3, 4, 5);
    Tensor y = IndexingOps.slice(x, new int[] {1, 0, 2}, new int[] {2, -1, 3});
    assertEquals(Shape.of(2, 4, 3), y.shape());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 4; j++) {
        for (int k = 0; k < 3; k++) {
          assertEquals(x.getFloat(i + 1, j, k + 2), y.getFloat(i, j, k));
        }
      }
    }
    Tensor ints = Tensor.ofInts(new int[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertArrayEquals(new int[] {2, 3, 5, 6},
        IndexingOps.slice(ints, new int[] {0, 1}, new int[] {2, 2}).toIntArray());
    var e = assertThrows(JKerasException.class,
        () -> IndexingOps.slice(x, new int[] {0, 3, 0}, new int[] {1, 2, 5}));
    assertEquals("slice: start 3 with size 2 does not fit axis 1 of size 4 in shape (3, 4, 5);"
        + " need 0 <= start and start + size <= 4.", e.getMessage());
  }

  @Test
  void takeGathersAlongAnyAxis() {
    Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    assertClose(new double[] {4, 5, 6, 1, 2, 3, 4, 5, 6}, Shape.of(3, 3),
        IndexingOps.take(x, Tensor.ofInts(new int[] {1, 0, -1}, 3), 0), 0);
    assertClose(new double[] {3, 1, 6, 4}, Shape.of(2, 2),
        IndexingOps.take(x, Tensor.ofLongs(new long[] {2, 0}, 2), 1), 0);
    assertClose(new double[] {6, 2}, Shape.of(2),
        IndexingOps.take(x, Tensor.ofInts(new int[] {5, 1}, 2)), 0);
    // Indices of rank 2 in the middle of a rank-3 tensor.
    Tensor t = rand(2, 2, 4, 3);
    Tensor idx = Tensor.ofInts(new int[] {3, 0, 0, 2, 1, 3}, 2, 3);
    Tensor g = IndexingOps.take(t, idx, 1);
    assertEquals(Shape.of(2, 2, 3, 3), g.shape());
    for (int a = 0; a < 2; a++) {
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 3; j++) {
          for (int c = 0; c < 3; c++) {
            assertEquals(t.getFloat(a, (int) idx.getLong(i, j), c), g.getFloat(a, i, j, c));
          }
        }
      }
    }
    Tensor labels = Tensor.ofInts(new int[] {10, 20, 30}, 3);
    Tensor picked = IndexingOps.take(labels, Tensor.ofInts(new int[] {2, 2}, 2), 0);
    assertEquals(DType.INT32, picked.dtype());
    assertArrayEquals(new int[] {30, 30}, picked.toIntArray());
  }

  @Test
  void takeErrorsNameTheIndexAndAxisSize() {
    Tensor x = Tensor.ones(5, 2);
    var e = assertThrows(JKerasException.class,
        () -> IndexingOps.take(x, Tensor.ofInts(new int[] {1, 7}, 2), 0));
    assertEquals("take: index 7 is out of bounds for axis 0 with size 5; indices must be in"
        + " [-5, 5).", e.getMessage());
    e = assertThrows(JKerasException.class,
        () -> IndexingOps.take(x, Tensor.ofLongs(new long[] {-3}, 1), 1));
    assertEquals("take: index -3 is out of bounds for axis 1 with size 2; indices must be in"
        + " [-2, 2).", e.getMessage());
    e = assertThrows(JKerasException.class, () -> IndexingOps.take(x, Tensor.ones(2), 0));
    assertEquals("take: indices must be int32 or int64, got float32 with shape (2,).",
        e.getMessage());
  }

  @Test
  void embeddingLookupAndScatterAddGradient() {
    // Large enough for the parallel paths: 3000 tokens into a 50 x 96 table, indices repeat.
    Tensor table = rand(3, 50, 96);
    int[] ids = new int[3000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (i * 7 + i / 13) % 50;
    }
    Tensor idx = Tensor.ofInts(ids, 30, 100);
    Tensor w = rand(4, 30, 100, 96);
    Tensor grad;
    Tensor out;
    try (GradientTape tape = new GradientTape()) {
      tape.watch(table);
      out = IndexingOps.take(table, idx, 0);
      grad = tape.gradient(out, java.util.List.of(table), w).get(0);
    }
    assertEquals(Shape.of(30, 100, 96), out.shape());
    double[] expected = new double[50 * 96];
    for (int k = 0; k < ids.length; k++) {
      for (int c = 0; c < 96; c++) {
        assertEquals(table.getFloat(ids[k], c), out.getFlat(k * 96 + c));
        expected[ids[k] * 96 + c] += w.getFlat(k * 96 + c);
      }
    }
    assertClose(expected, grad, 1e-5);
  }

  @Test
  void oneHotEncodes() {
    Tensor y = IndexingOps.oneHot(Tensor.ofInts(new int[] {0, 2, 3, -1}, 4), 3);
    assertEquals(DType.FLOAT32, y.dtype());
    assertClose(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, Shape.of(4, 3), y, 0);
    Tensor z = IndexingOps.oneHot(Tensor.ofLongs(new long[] {1, 0}, 2), 2, 0);
    assertClose(new double[] {0, 1, 1, 0}, Shape.of(2, 2), z, 0);
    assertEquals(Shape.of(2, 3, 4),
        IndexingOps.oneHot(Tensor.ofInts(new int[6], 2, 3), 4).shape());
    var e = assertThrows(JKerasException.class,
        () -> IndexingOps.oneHot(Tensor.ofInts(new int[] {1}, 1), 0));
    assertEquals("oneHot: numClasses must be positive, got 0.", e.getMessage());
  }

  @Test
  void gradients() {
    GradientCheck check = GradientCheck.standard();
    check.check(v -> IndexingOps.slice(v.get(0), new int[] {1, 0}, new int[] {2, 2}),
        rand(5, 3, 3));
    check.check(v -> IndexingOps.slice(v.get(0), new int[] {0, 1, 1}, new int[] {2, 1, -1}),
        rand(6, 2, 3, 3));
    Tensor idx = Tensor.ofInts(new int[] {2, 0, 2, -1}, 2, 2);
    check.check(v -> IndexingOps.take(v.get(0), idx, 0), rand(7, 3, 4));
    check.check(v -> IndexingOps.take(v.get(0), idx, 1), rand(8, 2, 3, 2));
    check.check(v -> IndexingOps.take(v.get(0), idx, -1), rand(9, 2, 3));
    check.check(v -> IndexingOps.take(v.get(0), idx), rand(10, 2, 2));
  }
}
