package org.jkeras.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.Layer;
import org.jkeras.layers.core.InputLayer;

/**
 * A plain stack of layers, each feeding the next. With an input declared first ({@code
 * add(Keras.input(16))} or an {@link InputLayer}) the graph is built when first needed (a
 * summary, the weights, a call); otherwise on the first call, from the shape of the data, or by
 * {@link #build(Shape)}. Layers cannot be added once the graph is built.
 */
public class Sequential extends Model {
  private final List<Layer> stack = new ArrayList<>();
  private InputLayer inputLayer;

  public Sequential() {
    super("sequential");
  }

  public Sequential(List<? extends Layer> layers) {
    this();
    for (Layer l : layers) {
      add(l);
    }
  }

  /** Declares the input with a symbolic tensor from {@code Keras.input(...)}. */
  public Sequential add(KerasTensor input) {
    if (!(input.history().operation() instanceof InputLayer il)) {
      throw new JKerasException("Sequential.add takes layers or an input from Keras.input(...);"
          + " got a tensor made by layer '" + input.history().operation().name() + "'.");
    }
    return add(il);
  }

  /** Appends a layer (or declares the input, when it is an InputLayer added first). */
  public Sequential add(Layer layer) {
    if (layer instanceof InputLayer il) {
      if (inputLayer != null || !stack.isEmpty()) {
        throw new JKerasException("An InputLayer can only be added first to a Sequential model;"
            + " this one already has " + (inputLayer != null ? "an input" : "layers") + ".");
      }
      inputLayer = il;
      return this;
    }
    for (Layer l : stack) {
      if (l.name().equals(layer.name())) {
        throw new JKerasException("All layers added to a Sequential model should have unique"
            + " names. Name \"" + layer.name() + "\" is already the name of a layer in this"
            + " model. Update the `name` argument to pass a unique name.");
      }
    }
    if (hasGraph()) {
      throw new JKerasException("Cannot add layers to Sequential model '" + name() + "' after it"
          + " has been built; declare every layer before the first call.");
    }
    stack.add(layer);
    return this;
  }

  /** The layers added, without the input layer (as Keras 3's Sequential.layers). */
  @Override
  public List<Layer> layers() {
    requireGraph();
    return Collections.unmodifiableList(stack);
  }

  /** Builds the graph for samples of {@code sampleShape} (batch dimension excluded). */
  public void build(Shape sampleShape) {
    if (!hasGraph()) {
      buildGraph(new InputLayer(Shape.withBatch(sampleShape.dims()), org.jkeras.backend.DType
          .FLOAT32, null));
    }
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    if (!hasGraph()) {
      if (inputLayer != null) {
        buildGraph(inputLayer);
      } else {
        int[] dims = inputShapes.get(0).dims();
        build(Shape.of(java.util.Arrays.copyOfRange(dims, 1, dims.length)));
      }
    }
  }

  /** With a declared input, the graph is built when first needed. */
  @Override
  protected void requireGraph() {
    if (!hasGraph() && inputLayer != null && !stack.isEmpty()) {
      buildGraph(inputLayer);
    }
    super.requireGraph();
  }

  private void buildGraph(InputLayer input) {
    if (stack.isEmpty()) {
      return;
    }
    KerasTensor x = input.tensor();
    for (Layer l : stack) {
      x = l.apply(x);
    }
    initGraph(List.of(input.tensor()), List.of(x), null);
  }

  @Override
  public Sequential name(String newName) {
    super.name(newName);
    return this;
  }

  // ---- saving -----------------------------------------------------------------------------------

  /** Keras 3's Sequential config: the layers (InputLayer first when known) and the input shape. */
  @Override
  public java.util.Map<String, Object> getConfig() {
    return org.jkeras.saving.SequentialConfig.get(this);
  }

  /** The layers added so far, before the graph is built (for configs of unbuilt models). */
  public List<Layer> stackedLayers() {
    List<Layer> out = new ArrayList<>();
    if (inputLayer != null) {
      out.add(inputLayer);
    }
    out.addAll(stack);
    return Collections.unmodifiableList(out);
  }
}
