package org.jkeras.ops;

import org.jkeras.backend.Backend;
import org.jkeras.backend.Reduction;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Internal: gradient helpers for broadcasting ops. */
public final class Broadcasting {
  private Broadcasting() {}

  /**
   * Sums {@code grad} (shaped like a broadcast result) back down to {@code shape}, the shape of
   * the operand that was broadcast: the reverse of broadcasting. The summed axes are usually
   * leading ones (a bias gradient) or trailing ones, which the backend reduces in one
   * vectorized pass.
   */
  public static Tensor reduceTo(Tensor grad, Shape shape) {
    Shape gs = grad.shape();
    if (gs.equals(shape)) {
      return grad;
    }
    if (gs.size() == shape.size()) {
      return grad.withShape(shape); // only size-1 axes were added: no sum needed
    }
    int extra = gs.rank() - shape.rank();
    int[] axes = new int[gs.rank()];
    int n = 0;
    for (int d = 0; d < gs.rank(); d++) {
      if (d < extra || (shape.dim(d - extra) == 1 && gs.dim(d) != 1)) {
        axes[n++] = d;
      }
    }
    Tensor summed = Backend.current().arrays()
        .reduce(Reduction.SUM, grad, java.util.Arrays.copyOf(axes, n), true);
    return summed.withShape(shape);
  }
}
