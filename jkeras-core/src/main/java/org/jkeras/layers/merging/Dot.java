package org.jkeras.layers.merging;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.ReductionOps;

/**
 * The dot product of two batched inputs along one axis of each, as Keras's Dot ({@code
 * batch_dot}): shapes {@code (b, 3, 5)} and {@code (b, 10, 3)} with {@code axes=(1, 2)} give
 * {@code (b, 5, 10)}; a result of rank 1 becomes {@code (b, 1)}. With {@code normalize} the
 * inputs are L2-normalized along those axes first (cosine proximity).
 */
public class Dot extends Layer {
  private static final float EPSILON = 1e-7f;
  private final int[] axes;
  private final boolean single;
  private boolean normalize;

  /** The same axis of both inputs. */
  public Dot(int axes) {
    this.axes = new int[] {axes, axes};
    this.single = true;
  }

  /** Axis {@code axis1} of the first input against {@code axis2} of the second. */
  public Dot(int axis1, int axis2) {
    this.axes = new int[] {axis1, axis2};
    this.single = false;
  }

  public Dot normalize(boolean value) {
    requireUnbuilt("normalize");
    this.normalize = value;
    return this;
  }

  public boolean normalize() {
    return normalize;
  }

  @Override
  public Dot name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected int expectedInputCount() {
    return 2;
  }

  /** The two axes, made non-negative for these ranks (Keras's {@code axes % ndim}). */
  private int[] resolvedAxes(int rank1, int rank2) {
    return new int[] {Math.floorMod(axes[0], rank1), Math.floorMod(axes[1], rank2)};
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape s1 = inputShapes.get(0);
    Shape s2 = inputShapes.get(1);
    if (s1.rank() < 2 || s2.rank() < 2) {
      throw new JKerasException("Cannot do batch_dot on inputs with rank < 2. Received inputs"
          + " with shapes " + s1 + " and " + s2 + ".");
    }
    int[] a = resolvedAxes(s1.rank(), s2.rank());
    if (a[0] == 0 || a[1] == 0) {
      throw new JKerasException("Cannot perform batch_dot over axis 0. If your inputs are not"
          + " batched, add a dummy batch dimension to your inputs using"
          + " keras.ops.expand_dims(x, 0)");
    }
    int d1 = s1.dim(a[0]);
    int d2 = s2.dim(a[1]);
    if (d1 != Shape.UNKNOWN && d2 != Shape.UNKNOWN && d1 != d2) {
      throw new JKerasException("Incompatible input shapes: axis values " + d1 + " (at axis "
          + a[0] + ") != " + d2 + " (at axis " + a[1] + "). Full input shapes: " + s1 + ", "
          + s2);
    }
    int b1 = s1.dim(0);
    int b2 = s2.dim(0);
    if (b1 != Shape.UNKNOWN && b2 != Shape.UNKNOWN && b1 != b2) {
      throw new JKerasException("Cannot do batch_dot on inputs with different batch sizes."
          + " Received inputs with shapes " + s1 + " and " + s2 + ".");
    }
    int[] out = new int[s1.rank() + s2.rank() - 3];
    int k = 0;
    for (int i = 0; i < s1.rank(); i++) {
      if (i != a[0]) {
        out[k++] = s1.dim(i);
      }
    }
    for (int i = 1; i < s2.rank(); i++) {
      if (i != a[1]) {
        out[k++] = s2.dim(i);
      }
    }
    return List.of(out.length == 1 ? Shape.of(out[0], 1) : Shape.of(out));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    Tensor y = inputs.get(1);
    Shape outShape = computeOutputShapes(List.of(x.shape(), y.shape())).get(0);
    int[] a = resolvedAxes(x.rank(), y.rank());
    if (normalize) {
      x = l2Normalize(x, a[0]);
      y = l2Normalize(y, a[1]);
    }
    // x: the contracted axis last, the others flattened to (b, m, k); y: to (b, k, n).
    Tensor xt = ArrayOps.transpose(x, moveAxis(x.rank(), a[0], x.rank() - 1));
    Tensor yt = ArrayOps.transpose(y, moveAxis(y.rank(), a[1], 1));
    int batch = x.shape().dim(0);
    int contracted = x.shape().dim(a[0]);
    Tensor x3 = ArrayOps.reshape(xt, batch, -1, contracted);
    Tensor y3 = ArrayOps.reshape(yt, batch, contracted, -1);
    return List.of(ArrayOps.reshape(LinalgOps.matmul(x3, y3), outShape));
  }

  /** The permutation that moves axis {@code from} to position {@code to}, others in order. */
  private static int[] moveAxis(int rank, int from, int to) {
    int[] perm = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      if (i == to) {
        perm[i] = from;
      } else {
        if (j == from) {
          j++;
        }
        perm[i] = j++;
      }
    }
    return perm;
  }

  /** Keras's {@code normalize(x, axis)}: {@code x * min(rsqrt(sum(x^2)), 1 / epsilon)}. */
  private static Tensor l2Normalize(Tensor x, int axis) {
    Tensor squareSum = ReductionOps.sum(MathOps.square(x), axis, true);
    Tensor inverseNorm = MathOps.minimum(MathOps.divide(1f, MathOps.sqrt(squareSum)),
        1f / EPSILON);
    return MathOps.multiply(x, inverseNorm);
  }

  /** Keras's Dot gives no mask. */
  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    return Collections.singletonList(null);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axes", single ? (Object) axes[0] : Config.intList(axes));
    c.put("normalize", normalize);
    return c;
  }

  /** A Dot layer from its Keras config ({@code axes} an int or a pair). */
  public static Dot fromConfig(Config c) {
    Object raw = c.raw("axes");
    Dot layer;
    if (raw instanceof List<?>) {
      int[] a = c.getInts("axes", 2, null);
      if (a.length != 2) {
        throw new JKerasException("Invalid format for argument `axes`: it should contain two"
            + " elements. Received: axes=" + raw);
      }
      layer = new Dot(a[0], a[1]);
    } else {
      layer = new Dot(c.requireInt("axes"));
    }
    layer.applyBaseConfig(c);
    layer.normalize(c.getBoolean("normalize", false));
    return layer;
  }
}
