package org.jkeras.layers.merging;

import java.util.List;
import java.util.Map;
import org.jkeras.config.Config;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ConcatOps;

/** Joins its inputs along {@code axis} (default -1), as Keras's Concatenate. */
public class Concatenate extends Layer {
  private final int axis;

  public Concatenate() {
    this(-1);
  }

  public Concatenate(int axis) {
    this.axis = axis;
  }

  public int axis() {
    return axis;
  }

  @Override
  protected int expectedInputCount() {
    return -1;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape first = inputShapes.get(0);
    int rank = first.rank();
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new JKerasException("Concatenate '" + name() + "': axis " + axis + " is out of range"
          + " for inputs of rank " + rank + " " + inputShapes + "; use an axis in [" + -rank
          + ", " + (rank - 1) + "].");
    }
    boolean ok = true;
    int[] out = first.dims();
    for (int i = 1; i < inputShapes.size() && ok; i++) {
      Shape s = inputShapes.get(i);
      if (s.rank() != rank) {
        ok = false;
        break;
      }
      for (int d = 0; d < rank; d++) {
        if (d == a) {
          out[d] = out[d] == Shape.UNKNOWN || s.dim(d) == Shape.UNKNOWN ? Shape.UNKNOWN
              : out[d] + s.dim(d);
        } else if (out[d] != Shape.UNKNOWN && s.dim(d) != Shape.UNKNOWN && out[d] != s.dim(d)) {
          ok = false;
        } else if (out[d] == Shape.UNKNOWN) {
          out[d] = s.dim(d);
        }
      }
    }
    if (!ok) {
      throw new JKerasException("A `Concatenate` layer requires inputs with matching shapes except"
          + " for the concatenation axis. Received: input_shape=" + inputShapes);
    }
    return List.of(Shape.of(out));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return List.of(ConcatOps.concatenate(inputs, axis));
  }

  @Override
  public Concatenate name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }

  /** A Concatenate layer from its Keras config. */
  public static Concatenate fromConfig(Config c) {
    Concatenate layer = new Concatenate(c.getInt("axis", -1));
    layer.applyBaseConfig(c);
    return layer;
  }
}
