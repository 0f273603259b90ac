package org.jkeras.ops;

import static org.jkeras.ops.Broadcasting.reduceTo;

import java.util.Arrays;
import org.jkeras.backend.Backend;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Matrix products with gradients. */
public final class LinalgOps {
  private LinalgOps() {}

  /** {@code matmul(a, b)} with numpy semantics (1-D operands promoted and squeezed, batch axes broadcast). */
  public static Tensor matmul(Tensor a, Tensor b) {
    return matmul(a, b, false, false);
  }

  /**
   * Matrix product of {@code a} and {@code b}, each optionally transposed in its last two axes.
   * 1-D operands are treated as a row (first) or column (second) vector and that axis is dropped
   * from the result, as in numpy.
   */
  public static Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    if (a.rank() == 0 || b.rank() == 0) {
      throw IncompatibleShapesException.of("matmul", a.shape(), b.shape(),
          "matmul does not take scalars; use multiply.");
    }
    boolean vecA = a.rank() == 1;
    boolean vecB = b.rank() == 1;
    Tensor a2 = vecA ? a.withShape(Shape.of(1, a.size())) : a;
    Tensor b2 = vecB ? b.withShape(Shape.of(b.size(), 1)) : b;
    boolean ta = transposeA && !vecA;
    boolean tb = transposeB && !vecB;
    Tensor y2 = Backend.current().linalg().matmul(a2, b2, ta, tb);
    Tensor y = y2;
    if (vecA || vecB) {
      int[] dims = y2.shape().dims();
      int r = dims.length;
      int[] out = vecA && vecB ? Arrays.copyOf(dims, r - 2)
          : vecA ? dropAxis(dims, r - 2) : dropAxis(dims, r - 1);
      y = y2.withShape(Shape.of(out));
    }
    if (GradientTape.shouldRecord(a, b)) {
      Tensor result = y;
      GradientTape.record("matmul", y, new Tensor[] {a, b}, g -> {
        Tensor g2 = g.withShape(y2.shape());
        var lin = Backend.current().linalg();
        // d(A B)/dA = G B^T, d/dB = A^T G, with the transposes folded into the GEMM flags.
        Tensor ga = ta ? lin.matmul(b2, g2, tb, true) : lin.matmul(g2, b2, false, !tb);
        Tensor gb = tb ? lin.matmul(g2, a2, true, ta) : lin.matmul(a2, g2, !ta, false);
        ga = reduceTo(ga, a2.shape());
        gb = reduceTo(gb, b2.shape());
        return new Tensor[] {
          ga.withShape(a.shape()), gb.withShape(b.shape())
        };
      });
      return result;
    }
    return y;
  }

  private static int[] dropAxis(int[] dims, int axis) {
    int[] out = new int[dims.length - 1];
    for (int i = 0, j = 0; i < dims.length; i++) {
      if (i != axis) {
        out[j++] = dims[i];
      }
    }
    return out;
  }
}
