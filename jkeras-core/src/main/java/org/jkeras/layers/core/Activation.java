package org.jkeras.layers.core;

import java.util.List;
import java.util.Map;
import org.jkeras.layers.ShapePreservingLayer;
import org.jkeras.activations.Activations;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;

/**
 * Applies an activation named as Keras names it ({@code "relu"}, {@code "softmax"}, ...), so a
 * model can place an activation as its own layer, as Keras's Activation.
 */
public class Activation extends ShapePreservingLayer {
  private final org.jkeras.activations.Activation activation;

  public Activation(String name) {
    this.activation = Activations.get(name);
  }

  public org.jkeras.activations.Activation activation() {
    return activation;
  }

  @Override
  public Activation name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return List.of(activation.apply(inputs.get(0)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("activation", activation.name());
    return c;
  }

  /** An Activation layer from its Keras config. */
  public static Activation fromConfig(Config c) {
    Activation layer = new Activation(c.getString("activation", "linear"));
    layer.applyBaseConfig(c);
    return layer;
  }
}
