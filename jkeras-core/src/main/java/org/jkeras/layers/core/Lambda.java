package org.jkeras.layers.core;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;

/**
 * Wraps a Java function of one tensor as a layer, as Keras's Lambda. The function must compose
 * ops so gradients flow. Its output shape is given by {@code outputShape} (a function of the
 * input shape, batch included) or, without one, is the input shape.
 *
 * <p>A config cannot carry Java code: {@link #getConfig()} writes a placeholder for
 * {@code function}, and {@link #fromConfig} refuses, because loading a model never executes code.
 */
public class Lambda extends Layer {
  /** The {@code class_name} of the placeholder written for the function. */
  public static final String FUNCTION_PLACEHOLDER = "__java_function__";

  private final UnaryOperator<Tensor> function;
  private final UnaryOperator<Shape> outputShape;

  public Lambda(UnaryOperator<Tensor> function) {
    this(function, null);
  }

  /** A Lambda whose output shape (batch included) is {@code outputShape(inputShape)}. */
  public Lambda(UnaryOperator<Tensor> function, UnaryOperator<Shape> outputShape) {
    if (function == null) {
      throw new JKerasException("A Lambda layer needs a function; received null.");
    }
    this.function = function;
    this.outputShape = outputShape;
  }

  @Override
  public Lambda name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    return List.of(outputShape == null ? in : outputShape.apply(in));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return List.of(function.apply(inputs.get(0)));
  }

  /** Keras's keys, with a placeholder for {@code function}: Java code is not serializable. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    Map<String, Object> fn = Config.map();
    fn.put("class_name", FUNCTION_PLACEHOLDER);
    Map<String, Object> inner = Config.map();
    inner.put("description", function.toString());
    fn.put("config", inner);
    c.put("function", fn);
    c.put("arguments", Config.map());
    c.put("output_shape", null);
    c.put("mask", null);
    return c;
  }

  /** Always refuses: a config holds no code, and loading never executes code. */
  public static Lambda fromConfig(Config c) {
    throw new JKerasException("Lambda layers cannot be loaded from config: their function is"
        + " Java code, which a config does not contain, and loading never executes code"
        + " (layer '" + c.getString("name", "lambda") + "'). Rebuild the model in Java, or"
        + " replace the Lambda by a custom layer registered with LayerRegistry.register(...).");
  }
}
