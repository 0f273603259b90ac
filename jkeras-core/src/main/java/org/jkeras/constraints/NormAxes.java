package org.jkeras.constraints;

import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.ReductionOps;

/**
 * The {@code axis} of Keras's norm constraints: one axis (written as an int) or several (written
 * as a list, for example {@code [0, 1, 2]} for each filter of a Conv2D kernel).
 */
record NormAxes(int[] axes, boolean asList) {
  /** Keras's epsilon, added to norms before dividing. */
  static final float EPSILON = 1e-7f;

  static NormAxes of(int... axes) {
    if (axes.length == 0) {
      throw new JKerasException("A norm constraint needs at least one axis.");
    }
    return new NormAxes(axes.clone(), axes.length != 1);
  }

  /** The axis from a config value: an int or a list of ints (default 0). */
  static NormAxes fromConfig(Object value) {
    if (value == null) {
      return of(0);
    }
    if (value instanceof Number n) {
      return of(n.intValue());
    }
    if (value instanceof List<?> list) {
      int[] a = new int[list.size()];
      for (int i = 0; i < a.length; i++) {
        if (!(list.get(i) instanceof Number n)) {
          throw new JKerasException("Constraint `axis` should be an int or a list of ints."
              + " Received: axis=" + value);
        }
        a[i] = n.intValue();
      }
      return new NormAxes(a, true);
    }
    throw new JKerasException("Constraint `axis` should be an int or a list of ints. Received:"
        + " axis=" + value);
  }

  Object toConfig() {
    return asList ? Config.intList(axes) : (Object) axes[0];
  }

  /** {@code sqrt(sum(w^2))} over the axes, keeping them as size-1 dimensions. */
  Tensor norms(Tensor w) {
    return MathOps.sqrt(ReductionOps.sum(MathOps.square(w), axes, true));
  }

  /** {@code w * desired / (epsilon + norms)}: rescales each slice to its desired norm. */
  static Tensor rescale(Tensor w, Tensor desired, Tensor norms) {
    return MathOps.multiply(w, MathOps.divide(desired, MathOps.add(norms, EPSILON)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NormAxes n && java.util.Arrays.equals(axes, n.axes) && asList == n.asList;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(axes) * 2 + (asList ? 1 : 0);
  }
}
