package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;

import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class MathOpsTest {
  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  @Test
  void broadcastingArithmetic() {
    Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    Tensor b = Tensor.of(new float[] {10, 20, 30});
    assertClose(new double[] {11, 22, 33, 14, 25, 36}, Shape.of(2, 3), MathOps.add(a, b), 0);
    assertClose(new double[] {-9, -18, -27, -6, -15, -24}, Shape.of(2, 3),
        MathOps.subtract(a, b), 0);
    assertClose(new double[] {2, 4, 6, 8, 10, 12}, Shape.of(2, 3),
        MathOps.multiply(a, Tensor.scalar(2)), 0);
    Tensor col = Tensor.of(new float[][] {{1}, {2}});
    assertClose(new double[] {11, 21, 31, 12, 22, 32}, Shape.of(2, 3), MathOps.add(col, b), 0);
  }

  @Test
  void arithmeticGradientsIncludingBroadcasting() {
    GradientCheck check = GradientCheck.standard();
    check.check(x -> MathOps.add(x.get(0), x.get(1)), rand(1, 2, 3), rand(2, 3));
    check.check(x -> MathOps.subtract(x.get(0), x.get(1)), rand(3, 2, 1), rand(4, 1, 3));
    check.check(x -> MathOps.multiply(x.get(0), x.get(1)), rand(5, 4, 2, 3), rand(6, 2, 1));
    check.check(x -> MathOps.multiply(x.get(0), x.get(1)), rand(7, 3), rand(8));
    check.check(x -> MathOps.negative(x.get(0)), rand(9, 2, 2));
  }

  @Test
  void sigmoidValuesAndGradient() {
    assertClose(new double[] {0.5, 1 / (1 + Math.exp(-2)), 1 / (1 + Math.exp(3))},
        MathOps.sigmoid(Tensor.of(new float[] {0, 2, -3})), 1e-6);
    GradientCheck.standard().check(x -> MathOps.sigmoid(x.get(0)), rand(10, 3, 4));
  }
}
