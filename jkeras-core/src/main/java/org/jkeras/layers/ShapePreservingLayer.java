package org.jkeras.layers;

import java.util.List;
import org.jkeras.backend.Shape;

/**
 * A layer whose output has its input's shape and which passes its input's mask through
 * (Keras's {@code supports_masking = True} with the default {@code compute_output_shape}):
 * activations, noise and dropout, normalization, masking.
 */
public abstract class ShapePreservingLayer extends Layer {
  protected ShapePreservingLayer() {}

  /** See {@link Layer#Layer(String)}. */
  protected ShapePreservingLayer(String namePrefix) {
    super(namePrefix);
  }

  @Override
  protected boolean supportsMasking() {
    return true;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    return List.of(inputShapes.get(0));
  }
}
