package org.jkeras.backend;

/** numpy broadcasting rules for shapes. */
public final class Broadcast {
  private Broadcast() {}

  /**
   * The broadcast shape of {@code a} and {@code b}: dimensions are aligned from the right and
   * each pair must be equal or contain a 1. Throws naming {@code op} and both shapes otherwise.
   */
  public static Shape shape(String op, Shape a, Shape b) {
    if (a.equals(b)) {
      return a;
    }
    int rank = Math.max(a.rank(), b.rank());
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = dimFromRight(a, rank - 1 - i);
      int db = dimFromRight(b, rank - 1 - i);
      if (da == db || db == 1) {
        out[i] = da;
      } else if (da == 1) {
        out[i] = db;
      } else if (da == Shape.UNKNOWN || db == Shape.UNKNOWN) {
        out[i] = da == Shape.UNKNOWN ? db : da;
      } else {
        throw IncompatibleShapesException.of(op, a, b,
            "dimension " + da + " does not broadcast against " + db + " (axis " + (i - rank)
                + "); each dimension pair must be equal or contain a 1.");
      }
    }
    return Shape.of(out);
  }

  private static int dimFromRight(Shape s, int fromRight) {
    int axis = s.rank() - 1 - fromRight;
    return axis < 0 ? 1 : s.dim(axis);
  }

  /**
   * Element strides of {@code s} seen as {@code target} (rank-aligned from the right), with 0 for
   * broadcast axes: the element of {@code s} for output index i is {@code sum(i[d] * strides[d])}.
   */
  public static int[] stridesIn(Shape s, Shape target) {
    int rank = target.rank();
    int[] own = s.strides();
    int[] out = new int[rank];
    int shift = rank - s.rank();
    for (int d = 0; d < rank; d++) {
      int sd = d - shift;
      out[d] = sd < 0 || s.dim(sd) == 1 ? 0 : own[sd];
    }
    return out;
  }
}
