package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jkeras.backend.DType;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class ConcatOpsTest {
  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  @Test
  void concatenateAlongEachAxis() {
    Tensor a = Tensor.of(new float[][] {{1, 2}, {3, 4}});
    Tensor b = Tensor.of(new float[][] {{5, 6}});
    assertClose(new double[] {1, 2, 3, 4, 5, 6}, Shape.of(3, 2),
        ConcatOps.concatenate(List.of(a, b)), 0);
    Tensor c = Tensor.of(new float[][] {{7}, {8}});
    assertClose(new double[] {1, 2, 7, 3, 4, 8}, Shape.of(2, 3),
        ConcatOps.concatenate(List.of(a, c), -1), 0);
    Tensor x = rand(1, 2, 3, 4);
    Tensor y = rand(2, 2, 5, 4);
    Tensor z = ConcatOps.concatenate(List.of(x, y, x), 1);
    assertEquals(Shape.of(2, 11, 4), z.shape());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 11; j++) {
        for (int k = 0; k < 4; k++) {
          float e = j < 3 ? x.getFloat(i, j, k) : j < 8 ? y.getFloat(i, j - 3, k)
              : x.getFloat(i, j - 8, k);
          assertEquals(e, z.getFloat(i, j, k));
        }
      }
    }
    Tensor ints = ConcatOps.concatenate(
        List.of(Tensor.ofInts(new int[] {1, 2}, 2), Tensor.ofInts(new int[] {3}, 1)), 0);
    assertEquals(DType.INT32, ints.dtype());
    assertArrayEquals(new int[] {1, 2, 3}, ints.toIntArray());
  }

  @Test
  void concatenateErrorsNameTheAxisAndBothShapes() {
    var e = assertThrows(IncompatibleShapesException.class,
        () -> ConcatOps.concatenate(List.of(Tensor.ones(2, 3), Tensor.ones(4, 5)), 1));
    assertEquals("concatenate: input 1 has shape (4, 5) but input 0 has shape (2, 3); all"
        + " dimensions except the concatenation axis 1 must match (they differ at axis 0: 4 vs"
        + " 2).", e.getMessage());
    e = assertThrows(IncompatibleShapesException.class,
        () -> ConcatOps.concatenate(List.of(Tensor.ones(2, 3), Tensor.ones(2)), 0));
    assertEquals("concatenate: input 1 has shape (2,) but input 0 has shape (2, 3); all"
        + " dimensions except the concatenation axis 0 must match (the ranks differ: 1 vs 2).",
        e.getMessage());
    var d = assertThrows(JKerasException.class, () -> ConcatOps.concatenate(
        List.of(Tensor.ones(2), Tensor.ofInts(new int[] {1}, 1))));
    assertEquals("concatenate: input 1 has dtype int32 but input 0 has dtype float32; convert"
        + " them to one dtype first.", d.getMessage());
  }

  @Test
  void stackAddsAnAxis() {
    Tensor a = Tensor.of(new float[] {1, 2, 3});
    Tensor b = Tensor.of(new float[] {4, 5, 6});
    assertClose(new double[] {1, 2, 3, 4, 5, 6}, Shape.of(2, 3), ConcatOps.stack(List.of(a, b)),
        0);
    assertClose(new double[] {1, 4, 2, 5, 3, 6}, Shape.of(3, 2),
        ConcatOps.stack(List.of(a, b), -1), 0);
    Tensor ints = ConcatOps.stack(
        List.of(Tensor.ofInts(new int[] {1, 2}, 2), Tensor.ofInts(new int[] {3, 4}, 2)), 1);
    assertEquals(DType.INT32, ints.dtype());
    assertArrayEquals(new int[] {1, 3, 2, 4}, ints.toIntArray());
    var e = assertThrows(IncompatibleShapesException.class,
        () -> ConcatOps.stack(List.of(a, Tensor.ones(2))));
    assertEquals("stack: input 1 has shape (2,) but input 0 has shape (3,); stack needs tensors"
        + " of one shape.", e.getMessage());
  }

  @Test
  void splitBySectionsAndIndices() {
    Tensor x = Tensor.of(new float[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
    List<Tensor> halves = ConcatOps.split(x, 2, 1);
    assertClose(new double[] {1, 2, 5, 6}, Shape.of(2, 2), halves.get(0), 0);
    assertClose(new double[] {3, 4, 7, 8}, Shape.of(2, 2), halves.get(1), 0);
    List<Tensor> parts = ConcatOps.split(x, new int[] {1, 3}, -1);
    assertEquals(3, parts.size());
    assertClose(new double[] {1, 5}, Shape.of(2, 1), parts.get(0), 0);
    assertClose(new double[] {2, 3, 6, 7}, Shape.of(2, 2), parts.get(1), 0);
    assertClose(new double[] {4, 8}, Shape.of(2, 1), parts.get(2), 0);
    List<Tensor> rows = ConcatOps.split(Tensor.ofLongs(new long[] {1, 2, 3, 4}, 2, 2), 2);
    assertArrayEquals(new long[] {3, 4}, rows.get(1).toLongArray());
    var e = assertThrows(JKerasException.class, () -> ConcatOps.split(x, 3, 1));
    assertEquals("split: cannot split axis 1 of shape (2, 4) (size 4) into 3 equal sections;"
        + " give a positive number of sections that divides 4, or split indices.",
        e.getMessage());
  }

  @Test
  void gradients() {
    GradientCheck check = GradientCheck.standard();
    check.check(v -> ConcatOps.concatenate(List.of(v.get(0), v.get(1), v.get(0)), 1),
        rand(1, 2, 3, 2), rand(2, 2, 1, 2));
    check.check(v -> ConcatOps.concatenate(List.of(v.get(0), v.get(1)), -1), rand(3, 2, 3),
        rand(4, 2, 2));
    check.check(v -> ConcatOps.stack(List.of(v.get(0), v.get(1)), 1), rand(5, 2, 3),
        rand(6, 2, 3));
    check.check(v -> ConcatOps.split(v.get(0), new int[] {1, 3}, 1).get(1), rand(7, 2, 4));
    check.check(v -> {
      List<Tensor> p = ConcatOps.split(v.get(0), 2, 0);
      return MathOps.add(p.get(0), MathOps.multiply(p.get(1), p.get(1)));
    }, rand(8, 4, 3));
  }
}
