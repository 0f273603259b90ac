package org.jkeras.layers.core;

import org.jkeras.initializers.Initializers;
import org.jkeras.config.Config;
import java.util.Map;
import java.util.List;
import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.initializers.Constant;
import org.jkeras.initializers.GlorotUniform;
import org.jkeras.initializers.Initializer;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.Layer;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;

/** {@code activation(inputs @ kernel + bias)} over the last axis, as Keras's Dense. */
public class Dense extends Layer {
  private final int units;
  private Activation activation = Activations.get("linear");
  private boolean useBias = true;
  private Initializer kernelInitializer = new GlorotUniform();
  private Initializer biasInitializer = Constant.zeros();
  private Variable kernel;
  private Variable bias;

  public Dense(int units) {
    if (units <= 0) {
      throw new JKerasException("Received an invalid value for `units`, expected a positive"
          + " integer. Received: units=" + units);
    }
    this.units = units;
    setInputSpec(InputSpec.minNdim(2));
  }

  public int units() {
    return units;
  }

  /** The activation by Keras name ({@code "relu"}, {@code "sigmoid"}, ...). */
  public Dense activation(String name) {
    requireUnbuilt("activation");
    this.activation = Activations.get(name);
    return this;
  }

  public Dense useBias(boolean value) {
    requireUnbuilt("use_bias");
    this.useBias = value;
    return this;
  }

  public Dense kernelInitializer(Initializer init) {
    requireUnbuilt("kernel_initializer");
    this.kernelInitializer = init;
    return this;
  }

  public Dense biasInitializer(Initializer init) {
    requireUnbuilt("bias_initializer");
    this.biasInitializer = init;
    return this;
  }

  @Override
  public Dense name(String newName) {
    super.name(newName);
    return this;
  }

  public Activation activation() {
    return activation;
  }

  public Variable kernel() {
    return kernel;
  }

  public Variable bias() {
    return bias;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    int inputDim = inputShapes.get(0).dim(-1);
    Shape kernelShape = Shape.of(inputDim, units);
    kernel = addWeight("kernel", kernelShape, kernelInitializer.initialize(kernelShape), true);
    if (useBias) {
      Shape biasShape = Shape.of(units);
      bias = addWeight("bias", biasShape, biasInitializer.initialize(biasShape), true);
    }
    setInputSpec(InputSpec.minNdim(2).withAxis(-1, inputDim));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    return List.of(inputShapes.get(0).withDim(-1, units));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor y = LinalgOps.matmul(inputs.get(0), kernel);
    if (useBias) {
      y = MathOps.add(y, bias);
    }
    return List.of(activation.apply(y));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("units", units);
    c.put("activation", activation.name());
    c.put("use_bias", useBias);
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    c.put("kernel_regularizer", null);
    c.put("bias_regularizer", null);
    c.put("kernel_constraint", null);
    c.put("bias_constraint", null);
    return c;
  }

  /** A Dense layer from its Keras config. */
  public static Dense fromConfig(Config c) {
    Dense d = new Dense(c.requireInt("units"));
    d.applyBaseConfig(c);
    d.activation(c.getString("activation", "linear"));
    d.useBias(c.getBoolean("use_bias", true));
    if (c.has("kernel_initializer")) {
      d.kernelInitializer(Initializers.deserialize(c.raw("kernel_initializer")));
    }
    if (c.has("bias_initializer")) {
      d.biasInitializer(Initializers.deserialize(c.raw("bias_initializer")));
    }
    return d;
  }
}
