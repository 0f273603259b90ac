package org.jkeras.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Assertions on tensor values. */
public final class TensorAssert {
  private TensorAssert() {}

  /** Asserts the shape and that every element is within {@code tol * (1 + |expected|)}. */
  public static void assertClose(double[] expected, Shape shape, Tensor actual, double tol) {
    assertEquals(shape, actual.shape(), "shape");
    assertClose(expected, actual, tol);
  }

  /** Asserts every element is within {@code tol * (1 + |expected|)}. */
  public static void assertClose(double[] expected, Tensor actual, double tol) {
    assertEquals(expected.length, actual.size(), "element count");
    for (int i = 0; i < expected.length; i++) {
      double a = actual.getFlat(i);
      if (!(Math.abs(a - expected[i]) <= tol * (1 + Math.abs(expected[i])))
          && !(Double.isNaN(a) && Double.isNaN(expected[i]))
          && !(a == expected[i])) {
        fail("element " + i + ": expected " + expected[i] + " but was " + a);
      }
    }
  }

  public static void assertClose(float[] expected, Tensor actual, double tol) {
    double[] e = new double[expected.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = expected[i];
    }
    assertClose(e, actual, tol);
  }
}
