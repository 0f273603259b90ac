package org.jkeras.layers.reshaping;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.ConcatOps;
import org.jkeras.ops.IndexingOps;

/**
 * Shared pieces of the reshaping layers: padding, cropping and repeating along one axis composed
 * from differentiable ops, Python-style tuple text for Keras's messages, and (before, after)
 * pairs read from configs.
 */
final class Spatial {
  private Spatial() {}

  /** {@code x} with {@code before} and {@code after} zeros added along {@code axis}. */
  static Tensor padAxis(Tensor x, int axis, int before, int after) {
    if (before == 0 && after == 0) {
      return x;
    }
    List<Tensor> parts = new ArrayList<>(3);
    if (before > 0) {
      parts.add(Tensor.zeros(x.shape().withDim(axis, before)));
    }
    parts.add(x);
    if (after > 0) {
      parts.add(Tensor.zeros(x.shape().withDim(axis, after)));
    }
    return ConcatOps.concatenate(parts, axis);
  }

  /** {@code x} without its first {@code before} and last {@code after} entries along axis. */
  static Tensor cropAxis(Tensor x, int axis, int before, int after) {
    if (before == 0 && after == 0) {
      return x;
    }
    int[] start = new int[x.rank()];
    int[] size = x.shape().dims();
    start[axis] = before;
    size[axis] = x.shape().dim(axis) - before - after;
    return IndexingOps.slice(x, start, size);
  }

  /** Each entry along {@code axis} repeated {@code times} times in place (numpy repeat). */
  static Tensor repeatAxis(Tensor x, int axis, int times) {
    if (times == 1) {
      return x;
    }
    int[] dims = x.shape().dims();
    Tensor expanded = ArrayOps.expandDims(x, axis + 1);
    int[] target = expanded.shape().dims();
    target[axis + 1] = times;
    Tensor tiled = ArrayOps.broadcastTo(expanded, target);
    dims[axis] *= times;
    return ArrayOps.reshape(tiled, dims);
  }

  /** Python's text for a tuple of ints: {@code (3, 4)}, {@code (5,)}. */
  static String tuple(int... values) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < values.length; i++) {
      sb.append(i > 0 ? ", " : "").append(values[i]);
    }
    return sb.append(values.length == 1 ? ",)" : ")").toString();
  }

  /** Python's text for a tuple of (before, after) pairs. */
  static String pairs(int[][] values) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < values.length; i++) {
      sb.append(i > 0 ? ", " : "").append(tuple(values[i]));
    }
    return sb.append(values.length == 1 ? ",)" : ")").toString();
  }

  /**
   * A (before, after) pair from an int (symmetric) or a two-element list, never negative, with
   * the messages of Keras's {@code standardize_tuple}.
   */
  static int[] pair(String what, Object value) {
    int[] p;
    if (value instanceof Number n) {
      p = new int[] {n.intValue(), n.intValue()};
    } else if (value instanceof List<?> l && l.size() == 2
        && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
      p = new int[] {a.intValue(), b.intValue()};
    } else if (value instanceof int[] a && a.length == 2) {
      p = a.clone();
    } else {
      throw new JKerasException("The `" + what + "` argument must be a tuple of 2 integers."
          + " Received " + what + "=" + value);
    }
    if (p[0] < 0 || p[1] < 0) {
      String bad = p[0] < 0 && p[1] < 0 && p[0] != p[1] ? p[0] + ", " + p[1]
          : String.valueOf(Math.min(p[0], p[1]));
      throw new JKerasException("The `" + what + "` argument must be a tuple of 2 integers."
          + " Received " + what + "=" + tuple(p) + ", including values {" + bad + "} that do not"
          + " satisfy `value >= 0`");
    }
    return p;
  }

  /** Two (before, after) pairs from an int, two ints, or two pairs, as the 2D layers accept. */
  static int[][] pairs2(String what, Object value) {
    if (value instanceof Number) {
      int[] p = pair(what, value);
      return new int[][] {p, p.clone()};
    }
    if (value instanceof List<?> l && l.size() == 2) {
      return new int[][] {
        pair("1st entry of " + what, l.get(0)), pair("2nd entry of " + what, l.get(1))
      };
    }
    throw new JKerasException("`" + what + "` should be either an int, a tuple of 2 ints, or a"
        + " tuple of 2 tuples of 2 ints. Received: " + what + "=" + value + ".");
  }

  static List<Object> pairList(int[] p) {
    return new ArrayList<>(List.of(p[0], p[1]));
  }

  static List<Object> pairsList(int[][] p) {
    return new ArrayList<>(List.of(pairList(p[0]), pairList(p[1])));
  }
}
