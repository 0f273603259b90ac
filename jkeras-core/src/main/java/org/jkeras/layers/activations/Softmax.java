package org.jkeras.layers.activations;

import org.jkeras.layers.ShapePreservingLayer;
import org.jkeras.backend.JKerasException;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.NnOps;
import org.jkeras.ops.ReductionOps;

/**
 * Softmax over {@code axis} (one axis or several), as Keras's Softmax layer. With a mask, masked
 * positions get {@code -1e9} added first, so they receive ~0 probability. A mask of the input's
 * rank broadcasts as numpy does; a lower-rank mask (a {@code (batch, time)} step mask) covers
 * the input's leading axes.
 */
public class Softmax extends ShapePreservingLayer {
  private static final float LARGE_NEGATIVE = -1e9f;
  private final int[] axes;

  public Softmax() {
    this(-1);
  }

  public Softmax(int... axes) {
    if (axes == null) {
      throw new JKerasException("Softmax: axis must be an axis or a list of axes, got null.");
    }
    this.axes = axes.length == 0 ? new int[] {-1} : axes.clone();
  }

  public int[] axes() {
    return axes.clone();
  }

  @Override
  public Softmax name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    int rank = inputShapes.get(0).rank();
    for (int a : axes) {
      if (a < -rank || a >= rank) {
        throw new JKerasException("Softmax '" + name() + "': axis " + a + " is out of range for"
            + " input shape " + inputShapes.get(0) + "; use an axis in [" + -rank + ", "
            + (rank - 1) + "].");
      }
    }
    return List.of(inputShapes.get(0));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return List.of(softmax(inputs.get(0)));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, CallContext context) {
    Tensor x = inputs.get(0);
    Tensor mask = masks.get(0);
    if (mask != null) {
      Tensor m = MathOps.cast(mask, DType.FLOAT32);
      while (m.rank() < x.rank()) {
        m = ArrayOps.expandDims(m, -1);
      }
      x = MathOps.add(x, MathOps.multiply(MathOps.subtract(1f, m), LARGE_NEGATIVE));
    }
    return List.of(softmax(x));
  }

  private Tensor softmax(Tensor x) {
    if (axes.length == 1) {
      return NnOps.softmax(x, axes[0]);
    }
    Tensor shifted = MathOps.subtract(x, ReductionOps.max(x, axes, true));
    Tensor e = MathOps.exp(shifted);
    return MathOps.divide(e, ReductionOps.sum(e, axes, true));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axes.length == 1 ? (Object) axes[0] : Config.intList(axes));
    return c;
  }

  /** A Softmax layer from its Keras config. */
  public static Softmax fromConfig(Config c) {
    Softmax layer = new Softmax(c.getInts("axis", 1, new int[] {-1}));
    layer.applyBaseConfig(c);
    return layer;
  }
}
