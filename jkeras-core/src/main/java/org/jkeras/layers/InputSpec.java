package org.jkeras.layers;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;

/**
 * What a layer accepts, checked on every call with Keras's messages: an exact rank ({@code ndim}),
 * a minimum rank, and fixed sizes for some axes.
 */
public record InputSpec(Integer ndim, Integer minNdim, Map<Integer, Integer> axes) {
  public static InputSpec ndim(int ndim) {
    return new InputSpec(ndim, null, Map.of());
  }

  public static InputSpec minNdim(int minNdim) {
    return new InputSpec(null, minNdim, Map.of());
  }

  /** This spec with axis {@code axis} fixed to {@code value} (after the layer is built). */
  public InputSpec withAxis(int axis, int value) {
    return new InputSpec(ndim, minNdim, Map.of(axis, value));
  }

  /** Throws Keras's message when input {@code index} of layer {@code layerName} does not fit. */
  public void check(String layerName, int index, Shape shape) {
    String prefix = "Input " + index + " of layer \"" + layerName
        + "\" is incompatible with the layer: ";
    if (ndim != null && shape.rank() != ndim) {
      throw new JKerasException(prefix + "expected ndim=" + ndim + ", found ndim=" + shape.rank()
          + ". Full shape received: " + shape);
    }
    if (minNdim != null && shape.rank() < minNdim) {
      throw new JKerasException(prefix + "expected min_ndim=" + minNdim + ", found ndim="
          + shape.rank() + ". Full shape received: " + shape);
    }
    for (Map.Entry<Integer, Integer> e : axes.entrySet()) {
      int axis = e.getKey() < 0 ? e.getKey() + shape.rank() : e.getKey();
      int got = axis >= 0 && axis < shape.rank() ? shape.dim(axis) : Shape.UNKNOWN;
      if (got != Shape.UNKNOWN && got != e.getValue()) {
        throw new JKerasException(prefix + "expected axis " + e.getKey()
            + " of input shape to have value " + e.getValue()
            + ", but received input with shape " + shape);
      }
    }
  }

  /** Checks each input against one spec. */
  public static void checkAll(InputSpec spec, String layerName, List<Shape> shapes) {
    if (spec == null) {
      return;
    }
    for (int i = 0; i < shapes.size(); i++) {
      spec.check(layerName, i, shapes.get(i));
    }
  }
}
