package org.jkeras.ops;

import static org.jkeras.ops.ElementwiseReference.broadcast;
import static org.jkeras.ops.ElementwiseReference.map;
import static org.jkeras.ops.ElementwiseReference.rand;
import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import org.jkeras.backend.DType;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class MathOpsTest {
  private static final GradientCheck CHECK = GradientCheck.standard();

  /** Shape pairs covering every broadcast fast path and the general case. */
  private static final int[][][] SHAPES = {
    {{37}, {37}}, {{5, 19}, {19}}, {{19}, {5, 19}}, {{5, 19}, {5, 1}}, {{5, 1}, {5, 19}},
    {{5, 19}, {}}, {{}, {5, 19}}, {{2, 1}, {1, 3}}, {{3, 1, 4}, {2, 1}}, {{2, 3, 4}, {3, 1}},
    {{70_001}, {70_001}}, {{300, 257}, {257}}, {{300, 257}, {300, 1}}, {{70_001}, {}},
  };

  private static void checkBinary(BinaryOperator<Tensor> op, DoubleBinaryOperator ref,
      float lo, float hi, double tol) {
    long seed = 100;
    for (int[][] pair : SHAPES) {
      Tensor a = rand(seed++, lo, hi, pair[0]);
      Tensor b = rand(seed++, lo, hi, pair[1]);
      Tensor y = op.apply(a, b);
      Shape expected = org.jkeras.backend.Broadcast.shape("test", a.shape(), b.shape());
      assertClose(broadcast(a, b, expected, ref), expected, y, tol);
    }
  }

  @Test
  void arithmeticMatchesFloat64ReferenceForEveryBroadcastPattern() {
    checkBinary(MathOps::add, Double::sum, -2, 2, 1e-6);
    checkBinary(MathOps::subtract, (x, y) -> x - y, -2, 2, 1e-6);
    checkBinary(MathOps::multiply, (x, y) -> x * y, -2, 2, 1e-6);
    checkBinary(MathOps::divide, (x, y) -> x / y, 0.5f, 2, 1e-6);
    checkBinary(MathOps::power, Math::pow, 0.5f, 2, 1e-6);
    checkBinary(MathOps::maximum, Math::max, -2, 2, 0);
    checkBinary(MathOps::minimum, Math::min, -2, 2, 0);
  }

  @Test
  void scalarOverloads() {
    Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    assertClose(new double[] {3, 4, 5, 6, 7, 8}, Shape.of(2, 3), MathOps.add(a, 2f), 0);
    assertClose(new double[] {-1, 0, 1, 2, 3, 4}, MathOps.subtract(a, 2f), 0);
    assertClose(new double[] {9, 8, 7, 6, 5, 4}, MathOps.subtract(10f, a), 0);
    assertClose(new double[] {2, 4, 6, 8, 10, 12}, MathOps.multiply(a, 2f), 0);
    assertClose(new double[] {0.5, 1, 1.5, 2, 2.5, 3}, MathOps.divide(a, 2f), 0);
    assertClose(new double[] {6, 3, 2, 1.5, 1.2, 1}, MathOps.divide(6f, a), 1e-7);
    assertClose(new double[] {1, 4, 9, 16, 25, 36}, MathOps.power(a, 2f), 0);
    assertClose(new double[] {3, 3, 3, 4, 5, 6}, MathOps.maximum(a, 3f), 0);
    assertClose(new double[] {1, 2, 3, 3, 3, 3}, MathOps.minimum(a, 3f), 0);
  }

  @Test
  void unaryMathsMatchFloat64Reference() {
    Tensor x = rand(1, -3f, 3f, 7, 5);
    Tensor pos = rand(2, 0.1f, 4f, 7, 5);
    assertClose(map(x, v -> -v), MathOps.negative(x), 0);
    assertClose(map(x, v -> v * v), MathOps.square(x), 1e-7);
    assertClose(map(pos, Math::sqrt), MathOps.sqrt(pos), 1e-7);
    assertClose(map(x, Math::exp), MathOps.exp(x), 1e-6);
    assertClose(map(pos, Math::log), MathOps.log(pos), 1e-6);
    assertClose(map(x, Math::abs), MathOps.abs(x), 0);
    assertClose(map(x, Math::signum), MathOps.sign(x), 0);
    assertClose(map(x, Math::tanh), MathOps.tanh(x), 1e-6);
    assertClose(map(x, v -> Math.min(Math.max(v, -1), 2)), MathOps.clip(x, -1, 2), 0);
  }

  @Test
  void signAndSpecialValues() {
    Tensor x = Tensor.of(new float[] {-2, 0, 3, Float.NaN});
    float[] s = MathOps.sign(x).toFloatArray();
    assertEquals(-1f, s[0]);
    assertEquals(0f, s[1]);
    assertEquals(1f, s[2]);
    assertEquals(Float.NaN, s[3]);
    assertEquals(Float.NEGATIVE_INFINITY, MathOps.log(Tensor.of(new float[] {0})).item());
  }

  @Test
  void arithmeticGradientsIncludingBroadcasting() {
    int[][][] pairs = {{{2, 3}, {3}}, {{2, 1}, {1, 3}}, {{2, 3}, {}}, {{}, {2, 3}},
        {{4, 2, 3}, {2, 1}}};
    long seed = 10;
    for (int[][] p : pairs) {
      Tensor a = rand(seed++, 0.5f, 2f, p[0]);
      Tensor b = rand(seed++, 0.5f, 2f, p[1]);
      CHECK.check(x -> MathOps.add(x.get(0), x.get(1)), a, b);
      CHECK.check(x -> MathOps.subtract(x.get(0), x.get(1)), a, b);
      CHECK.check(x -> MathOps.multiply(x.get(0), x.get(1)), a, b);
      CHECK.check(x -> MathOps.divide(x.get(0), x.get(1)), a, b);
      CHECK.check(x -> MathOps.power(x.get(0), x.get(1)), a, b);
    }
  }

  @Test
  void maximumAndMinimumRouteTheGradient() {
    // Values kept apart so no pair ties.
    Tensor a = Tensor.of(new float[][] {{0.1f, 0.9f, -0.5f}, {0.7f, -0.2f, 0.3f}});
    Tensor b = Tensor.of(new float[] {0.4f, 0.0f, -0.35f});
    CHECK.check(x -> MathOps.maximum(x.get(0), x.get(1)), a, b);
    CHECK.check(x -> MathOps.minimum(x.get(0), x.get(1)), a, b);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(a, b);
      Tensor y = MathOps.maximum(a, b);
      List<Tensor> g = tape.gradient(y, List.of(a, b));
      assertArrayEquals(new float[] {0, 1, 0, 1, 0, 1}, g.get(0).toFloatArray());
      assertArrayEquals(new float[] {1, 1, 1}, g.get(1).toFloatArray());
    }
  }

  @Test
  void unaryGradients() {
    Tensor x = rand(20, 2, 3);
    Tensor pos = rand(21, 0.5f, 2f, 2, 3);
    Tensor awayFromZero = Tensor.of(new float[][] {{-0.8f, 0.3f, 1.2f}, {-0.1f, 0.6f, -2f}});
    CHECK.check(v -> MathOps.negative(v.get(0)), x);
    CHECK.check(v -> MathOps.square(v.get(0)), x);
    CHECK.check(v -> MathOps.sqrt(v.get(0)), pos);
    CHECK.check(v -> MathOps.exp(v.get(0)), x);
    CHECK.check(v -> MathOps.log(v.get(0)), pos);
    CHECK.check(v -> MathOps.abs(v.get(0)), awayFromZero);
    CHECK.check(v -> MathOps.sign(v.get(0)), awayFromZero);
    CHECK.check(v -> MathOps.tanh(v.get(0)), x);
    CHECK.check(v -> MathOps.clip(v.get(0), -0.5f, 1f), awayFromZero);
  }

  @Test
  void whereSelectsAndRoutesGradients() {
    Tensor cond = Tensor.ofBools(new boolean[] {true, false, true}, 3);
    Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    Tensor y = Tensor.of(new float[][] {{-1}, {-2}});
    assertClose(new double[] {1, -1, 3, 4, -2, 6}, Shape.of(2, 3), MathOps.where(cond, x, y), 0);
    CHECK.check(v -> MathOps.where(cond, v.get(0), v.get(1)), x, y);
    Tensor scalarY = Tensor.scalar(7f);
    CHECK.check(v -> MathOps.where(cond, v.get(0), v.get(1)), x, scalarY);
    // A float condition counts nonzero as true.
    Tensor fcond = Tensor.of(new float[] {0, 2, 0});
    assertClose(new double[] {-1, 2, -1, -2, 5, -2}, MathOps.where(fcond, x, y), 0);
  }

  @Test
  void castConvertsBetweenDtypes() {
    Tensor x = Tensor.of(new float[] {-1.7f, 0f, 2.9f});
    Tensor i = MathOps.cast(x, DType.INT32);
    assertEquals(DType.INT32, i.dtype());
    assertArrayEquals(new int[] {-1, 0, 2}, i.toIntArray());
    assertArrayEquals(new long[] {-1, 0, 2}, MathOps.cast(x, DType.INT64).longData());
    Tensor b = MathOps.cast(x, DType.BOOL);
    assertEquals(DType.BOOL, b.dtype());
    assertArrayEquals(new int[] {1, 0, 1}, b.intData());
    assertArrayEquals(new float[] {-1, 0, 2}, MathOps.cast(i, DType.FLOAT32).floatData());
    assertArrayEquals(new float[] {1, 0, 1}, MathOps.cast(b, DType.FLOAT32).floatData());
    assertSame(x, MathOps.cast(x, DType.FLOAT32));
    CHECK.check(v -> MathOps.cast(MathOps.square(v.get(0)), DType.FLOAT32), x);
  }

  @Test
  void broadcastMismatchNamesTheOpAndShapes() {
    var e = assertThrows(IncompatibleShapesException.class,
        () -> MathOps.add(Tensor.zeros(2, 3), Tensor.zeros(4)));
    assertEquals("add: incompatible shapes (2, 3) and (4,): dimension 3 does not broadcast "
        + "against 4 (axis -1); each dimension pair must be equal or contain a 1.",
        e.getMessage());
    var w = assertThrows(IncompatibleShapesException.class,
        () -> MathOps.where(Tensor.ofBools(new boolean[] {true, false}, 2), Tensor.zeros(3),
            Tensor.zeros(3)));
    assertEquals("where: incompatible shapes (2,) and (3,): dimension 2 does not broadcast "
        + "against 3 (axis -1); each dimension pair must be equal or contain a 1.",
        w.getMessage());
  }

  @Test
  void integerInputsAreRejectedWithAHint() {
    var e = assertThrows(JKerasException.class,
        () -> MathOps.multiply(Tensor.ofInts(new int[] {1, 2}, 2), Tensor.zeros(2)));
    assertEquals("multiply: expected float32 tensors but got int32 with shape (2,); convert it "
        + "with cast(x, DType.FLOAT32) first.", e.getMessage());
    var c = assertThrows(JKerasException.class, () -> MathOps.clip(Tensor.zeros(2), 1f, 0f));
    assertEquals("clip: x_min (1.0) must not be greater than x_max (0.0).", c.getMessage());
  }

  @Test
  void inputsAreNotModified() {
    Tensor a = rand(30, 4, 5);
    float[] before = a.toFloatArray();
    MathOps.add(a, a);
    MathOps.exp(a);
    NnOps.softmax(a);
    assertArrayEquals(before, a.toFloatArray());
  }
}
