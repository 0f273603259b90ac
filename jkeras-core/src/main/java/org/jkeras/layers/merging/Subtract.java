package org.jkeras.layers.merging;

import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.MathOps;

/** The first input minus the second, as Keras's Subtract (exactly two inputs). */
public class Subtract extends Merge {
  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    if (inputShapes.size() != 2) {
      throw new JKerasException("A `Subtract` layer should be called on exactly 2 inputs."
          + " Received: input_shape=" + inputShapes);
    }
    return super.computeOutputShapes(inputShapes);
  }

  @Override
  protected Tensor merge(Tensor a, Tensor b) {
    return MathOps.subtract(a, b);
  }

  @Override
  public Subtract name(String newName) {
    super.name(newName);
    return this;
  }
}
