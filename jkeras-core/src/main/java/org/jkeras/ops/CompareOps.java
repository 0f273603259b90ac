package org.jkeras.ops;

import org.jkeras.backend.Comparison;
import org.jkeras.backend.Tensor;

/**
 * Elementwise comparisons and logic ({@code keras.ops} names). They broadcast as numpy does,
 * accept any numeric dtypes (int labels against int predictions, for example) and return bool
 * tensors, which carry no gradient.
 */
public final class CompareOps {
  private CompareOps() {}

  private static Tensor compare(Comparison fn, Tensor a, Tensor b) {
    return MathOps.k().compare(fn, a, b);
  }

  public static Tensor equal(Tensor a, Tensor b) {
    return compare(Comparison.EQUAL, a, b);
  }

  public static Tensor equal(Tensor a, float b) {
    return equal(a, Tensor.scalar(b));
  }

  public static Tensor notEqual(Tensor a, Tensor b) {
    return compare(Comparison.NOT_EQUAL, a, b);
  }

  public static Tensor notEqual(Tensor a, float b) {
    return notEqual(a, Tensor.scalar(b));
  }

  public static Tensor less(Tensor a, Tensor b) {
    return compare(Comparison.LESS, a, b);
  }

  public static Tensor less(Tensor a, float b) {
    return less(a, Tensor.scalar(b));
  }

  public static Tensor lessEqual(Tensor a, Tensor b) {
    return compare(Comparison.LESS_EQUAL, a, b);
  }

  public static Tensor lessEqual(Tensor a, float b) {
    return lessEqual(a, Tensor.scalar(b));
  }

  public static Tensor greater(Tensor a, Tensor b) {
    return compare(Comparison.GREATER, a, b);
  }

  public static Tensor greater(Tensor a, float b) {
    return greater(a, Tensor.scalar(b));
  }

  public static Tensor greaterEqual(Tensor a, Tensor b) {
    return compare(Comparison.GREATER_EQUAL, a, b);
  }

  public static Tensor greaterEqual(Tensor a, float b) {
    return greaterEqual(a, Tensor.scalar(b));
  }

  /** True where both are nonzero. */
  public static Tensor logicalAnd(Tensor a, Tensor b) {
    return compare(Comparison.LOGICAL_AND, a, b);
  }

  /** True where either is nonzero. */
  public static Tensor logicalOr(Tensor a, Tensor b) {
    return compare(Comparison.LOGICAL_OR, a, b);
  }

  /** True where {@code x} is zero (false). */
  public static Tensor logicalNot(Tensor x) {
    return MathOps.k().logicalNot(x);
  }
}
