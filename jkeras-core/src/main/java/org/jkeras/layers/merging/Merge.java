package org.jkeras.layers.merging;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.config.Config;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;

/**
 * Elementwise merging of several inputs (Keras's Merge base): the sample shapes must be equal or
 * broadcast (a 1 against any size), checked when the layer is called.
 */
public abstract class Merge extends Layer {
  /** Combines two tensors elementwise. */
  protected abstract Tensor merge(Tensor a, Tensor b);

  /** A last step after folding every input together (Average divides). */
  protected Tensor finish(Tensor merged, int count) {
    return merged;
  }

  @Override
  protected int expectedInputCount() {
    return -1;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape out = sampleShape(inputShapes.get(0));
    int batch = inputShapes.get(0).dim(0);
    for (int i = 1; i < inputShapes.size(); i++) {
      out = elementwiseShape(out, sampleShape(inputShapes.get(i)));
      int b = inputShapes.get(i).dim(0);
      batch = batch == Shape.UNKNOWN ? b : batch;
    }
    int[] dims = new int[out.rank() + 1];
    dims[0] = batch;
    System.arraycopy(out.dims(), 0, dims, 1, out.rank());
    return List.of(Shape.of(dims));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    List<Shape> shapes = new ArrayList<>();
    for (Tensor t : inputs) {
      shapes.add(t.shape());
    }
    computeOutputShapes(shapes);
    Tensor acc = inputs.get(0);
    for (int i = 1; i < inputs.size(); i++) {
      acc = merge(acc, inputs.get(i));
    }
    return List.of(finish(acc, inputs.size()));
  }

  private static Shape sampleShape(Shape s) {
    return Shape.of(java.util.Arrays.copyOfRange(s.dims(), 1, s.rank()));
  }

  /** Keras's {@code _compute_elemwise_op_output_shape}, on shapes without the batch axis. */
  static Shape elementwiseShape(Shape a, Shape b) {
    if (a.rank() < b.rank()) {
      return elementwiseShape(b, a);
    }
    int lead = a.rank() - b.rank();
    int[] out = a.dims();
    for (int k = 0; k < b.rank(); k++) {
      int i = a.dim(lead + k);
      int j = b.dim(k);
      if (i == Shape.UNKNOWN || j == Shape.UNKNOWN) {
        out[lead + k] = Shape.UNKNOWN;
      } else if (i == 1) {
        out[lead + k] = j;
      } else if (j == 1 || i == j) {
        out[lead + k] = i;
      } else {
        throw new JKerasException(
            "Inputs have incompatible shapes. Received shapes " + a + " and " + b);
      }
    }
    return Shape.of(out);
  }

  /** Applies the base keys of a Keras config to a new merging layer. */
  public static <T extends Merge> T configure(T layer, Config c) {
    layer.applyBaseConfig(c);
    return layer;
  }
}
