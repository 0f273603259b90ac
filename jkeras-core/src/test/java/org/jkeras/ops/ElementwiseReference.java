package org.jkeras.ops;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Straightforward float64 reference loops for elementwise op tests. */
final class ElementwiseReference {
  private ElementwiseReference() {}

  static double[] map(Tensor x, DoubleUnaryOperator f) {
    double[] out = new double[x.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.applyAsDouble(x.getFlat(i));
    }
    return out;
  }

  /** The numpy broadcast of {@code f} over {@code a} and {@code b}, computed index by index. */
  static double[] broadcast(Tensor a, Tensor b, Shape out, DoubleBinaryOperator f) {
    int[] od = out.dims();
    double[] r = new double[(int) out.size()];
    int[] idx = new int[od.length];
    for (int i = 0; i < r.length; i++) {
      int rem = i;
      for (int d = od.length - 1; d >= 0; d--) {
        idx[d] = rem % od[d];
        rem /= od[d];
      }
      r[i] = f.applyAsDouble(a.getFlat(flat(a.shape(), idx)), b.getFlat(flat(b.shape(), idx)));
    }
    return r;
  }

  /** The flat position in a tensor of shape {@code s} of the broadcast output index {@code idx}. */
  static int flat(Shape s, int[] idx) {
    int shift = idx.length - s.rank();
    int pos = 0;
    for (int d = 0; d < s.rank(); d++) {
      int dim = s.dim(d);
      pos = pos * dim + (dim == 1 ? 0 : idx[d + shift]);
    }
    return pos;
  }

  static Tensor rand(long seed, float lo, float hi, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), lo, hi, seed);
  }

  static Tensor rand(long seed, int... shape) {
    return rand(seed, -1f, 1f, shape);
  }
}
