package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class LinalgOpsTest {
  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  @Test
  void matmulForward() {
    Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    Tensor b = Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
    assertClose(new double[] {4, 5, 10, 11}, Shape.of(2, 2), LinalgOps.matmul(a, b), 1e-6);
    assertClose(new double[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, Shape.of(3, 3),
        LinalgOps.matmul(a, a, true, false), 1e-6);
    assertClose(new double[] {14, 32}, Shape.of(2),
        LinalgOps.matmul(a, Tensor.of(new float[] {1, 2, 3})), 1e-6);
    assertClose(new double[] {9, 12, 15}, Shape.of(3),
        LinalgOps.matmul(Tensor.of(new float[] {1, 2}), a), 1e-6);
  }

  @Test
  void batchedMatmulBroadcastsBatchAxes() {
    Tensor a = rand(1, 2, 1, 3, 4);
    Tensor b = rand(2, 5, 4, 2);
    Tensor c = LinalgOps.matmul(a, b);
    assertEquals(Shape.of(2, 5, 3, 2), c.shape());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 5; j++) {
        for (int r = 0; r < 3; r++) {
          for (int s = 0; s < 2; s++) {
            double e = 0;
            for (int p = 0; p < 4; p++) {
              e += (double) a.getFloat(i, 0, r, p) * b.getFloat(j, p, s);
            }
            assertEquals(e, c.getFloat(i, j, r, s), 1e-5);
          }
        }
      }
    }
  }

  @Test
  void matmulShapeErrorNamesBothShapes() {
    var e = assertThrows(IncompatibleShapesException.class,
        () -> LinalgOps.matmul(Tensor.ones(2, 3), Tensor.ones(4, 5)));
    assertEquals("matmul: incompatible shapes (2, 3) and (4, 5): the contracted dimensions differ"
        + " (3 vs 4); the last axis of the first must match the second-to-last of the second.",
        e.getMessage());
  }

  @Test
  void matmulGradients() {
    GradientCheck check = GradientCheck.standard();
    check.check(x -> LinalgOps.matmul(x.get(0), x.get(1)), rand(1, 3, 4), rand(2, 4, 5));
    check.check(x -> LinalgOps.matmul(x.get(0), x.get(1), true, false), rand(3, 4, 3),
        rand(4, 4, 5));
    check.check(x -> LinalgOps.matmul(x.get(0), x.get(1), false, true), rand(5, 3, 4),
        rand(6, 5, 4));
    check.check(x -> LinalgOps.matmul(x.get(0), x.get(1), true, true), rand(7, 4, 3),
        rand(8, 5, 4));
    check.check(x -> LinalgOps.matmul(x.get(0), x.get(1)), rand(9, 2, 1, 3, 4), rand(10, 3, 4, 2));
    check.check(x -> LinalgOps.matmul(x.get(0), x.get(1)), rand(11, 4), rand(12, 2, 4, 3));
    check.check(x -> LinalgOps.matmul(x.get(0), x.get(1)), rand(13, 3, 4), rand(14, 4));
    check.check(x -> LinalgOps.matmul(x.get(0), x.get(1), true, false), rand(15, 2, 4, 3),
        rand(16, 4, 2));
  }
}
