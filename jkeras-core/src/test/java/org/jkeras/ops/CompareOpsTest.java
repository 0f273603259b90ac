package org.jkeras.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.BinaryOperator;
import org.jkeras.backend.DType;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

class CompareOpsTest {
  private static final Tensor A = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
  private static final Tensor B = Tensor.of(new float[] {1, 5, 2});

  private static void expect(int[] expected, BinaryOperator<Tensor> op) {
    Tensor r = op.apply(A, B);
    assertEquals(DType.BOOL, r.dtype());
    assertEquals(Shape.of(2, 3), r.shape());
    assertArrayEquals(expected, r.intData());
  }

  @Test
  void comparisonsBroadcastAndReturnBool() {
    expect(new int[] {1, 0, 0, 0, 1, 0}, CompareOps::equal);
    expect(new int[] {0, 1, 1, 1, 0, 1}, CompareOps::notEqual);
    expect(new int[] {0, 1, 0, 0, 0, 0}, CompareOps::less);
    expect(new int[] {1, 1, 0, 0, 1, 0}, CompareOps::lessEqual);
    expect(new int[] {0, 0, 1, 1, 0, 1}, CompareOps::greater);
    expect(new int[] {1, 0, 1, 1, 1, 1}, CompareOps::greaterEqual);
  }

  @Test
  void scalarOverloadsAndNaN() {
    Tensor x = Tensor.of(new float[] {-1, 0, 2, Float.NaN});
    assertArrayEquals(new int[] {0, 0, 1, 0}, CompareOps.greater(x, 0f).intData());
    assertArrayEquals(new int[] {1, 1, 0, 0}, CompareOps.lessEqual(x, 0f).intData());
    assertArrayEquals(new int[] {0, 1, 0, 0}, CompareOps.equal(x, 0f).intData());
    assertArrayEquals(new int[] {1, 0, 1, 1}, CompareOps.notEqual(x, 0f).intData());
    assertArrayEquals(new int[] {1, 1, 0, 0}, CompareOps.less(x, 2f).intData());
    assertArrayEquals(new int[] {0, 0, 1, 0}, CompareOps.greaterEqual(x, 2f).intData());
  }

  @Test
  void integerAndMixedDtypesCompare() {
    Tensor labels = Tensor.ofInts(new int[] {0, 2, 1}, 3);
    Tensor predicted = Tensor.ofLongs(new long[] {0, 1, 1}, 3);
    assertArrayEquals(new int[] {1, 0, 1}, CompareOps.equal(labels, predicted).intData());
    assertArrayEquals(new int[] {0, 1, 0},
        CompareOps.greater(labels, Tensor.of(new float[] {0.5f, 1.5f, 1.5f})).intData());
  }

  @Test
  void logicalOps() {
    Tensor p = Tensor.ofBools(new boolean[] {true, true, false, false}, 4);
    Tensor q = Tensor.ofBools(new boolean[] {true, false, true, false}, 4);
    assertArrayEquals(new int[] {1, 0, 0, 0}, CompareOps.logicalAnd(p, q).intData());
    assertArrayEquals(new int[] {1, 1, 1, 0}, CompareOps.logicalOr(p, q).intData());
    Tensor not = CompareOps.logicalNot(p);
    assertEquals(DType.BOOL, not.dtype());
    assertArrayEquals(new int[] {0, 0, 1, 1}, not.intData());
    assertArrayEquals(new int[] {0, 1}, CompareOps.logicalNot(Tensor.of(new float[] {3, 0}))
        .intData());
  }

  @Test
  void comparisonsRecordNoGradient() {
    Tensor x = Tensor.of(new float[] {1, 2});
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Tensor m = CompareOps.greater(x, 1.5f);
      assertFalse(GradientTape.shouldRecord(m));
    }
  }

  @Test
  void mismatchNamesTheOp() {
    var e = assertThrows(IncompatibleShapesException.class,
        () -> CompareOps.notEqual(Tensor.zeros(2, 3), Tensor.zeros(2)));
    assertEquals("not_equal: incompatible shapes (2, 3) and (2,): dimension 3 does not "
        + "broadcast against 2 (axis -1); each dimension pair must be equal or contain a 1.",
        e.getMessage());
  }
}
