package org.jkeras.layers.core;

import org.jkeras.config.Config;
import java.util.Map;
import java.util.List;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.graph.Node;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;

/**
 * The entry point of a functional graph: it owns one node with no inputs, whose output is the
 * symbolic tensor {@code Keras.input(...)} returns.
 */
public final class InputLayer extends Layer {
  private final Shape batchShape;
  private final DType dtype;
  private final KerasTensor output;

  /**
   * An input of shape {@code batchShape} (batch dimension included, usually unknown), for
   * example {@code (None, 280, 256)}.
   */
  public InputLayer(Shape batchShape, DType dtype, String name) {
    if (batchShape.rank() == 0) {
      throw new JKerasException("An input needs at least one dimension besides nothing: got"
          + " shape (). Give the shape of one sample, for example Keras.input(32).");
    }
    if (name != null) {
      name(name);
    }
    this.batchShape = batchShape;
    this.dtype = dtype;
    this.output = new KerasTensor(batchShape, dtype, name());
    new Node(this, List.of(), List.of(output));
  }

  /** The symbolic tensor this input feeds. */
  public KerasTensor tensor() {
    return output;
  }

  public Shape batchShape() {
    return batchShape;
  }

  public DType dtype() {
    return dtype;
  }

  @Override
  protected int expectedInputCount() {
    return 0;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    return List.of(batchShape);
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return inputs;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("batch_shape", Config.shapeList(batchShape.dims()));
    c.put("dtype", dtype.kerasName());
    c.put("sparse", false);
    c.put("name", name());
    return c;
  }

  /** An input layer from its Keras config ({@code batch_shape}, or Keras 2's {@code batch_input_shape}). */
  public static InputLayer fromConfig(Config c) {
    String key = c.has("batch_shape") ? "batch_shape" : "batch_input_shape";
    return new InputLayer(Shape.of(c.getShape(key)),
        DType.fromKerasName(c.getString("dtype", "float32")), c.getString("name", null));
  }
}
