package org.jkeras.layers.core;

import org.jkeras.initializers.Initializers;
import org.jkeras.config.Config;
import java.util.Map;
import java.util.List;
import org.jkeras.activations.Activation;
import org.jkeras.constraints.Constraint;
import org.jkeras.constraints.Constraints;
import org.jkeras.regularizers.Regularizer;
import org.jkeras.regularizers.Regularizers;
import org.jkeras.activations.Activations;
import org.jkeras.backend.DType;
import org.jkeras.backend.FusedActivation;
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

/**
 * {@code activation(inputs @ kernel + bias)} over the last axis, as Keras's Dense. With a linear,
 * relu, sigmoid, tanh or softmax activation it runs as one fused op ({@link LinalgOps#dense});
 * other activations follow the product as their own op.
 */
public class Dense extends Layer {
  private final int units;
  private Activation activation = Activations.get("linear");
  private boolean useBias = true;
  private Initializer kernelInitializer = new GlorotUniform();
  private Initializer biasInitializer = Constant.zeros();
  private Regularizer kernelRegularizer;
  private Regularizer biasRegularizer;
  private Regularizer activityRegularizer;
  private Constraint kernelConstraint;
  private Constraint biasConstraint;
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

  /** The kernel initializer by Keras name ({@code "he_normal"}, ...). */
  public Dense kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  public Dense biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  /** A penalty on the kernel, added to {@link #losses()} (null for none). */
  public Dense kernelRegularizer(Regularizer regularizer) {
    requireUnbuilt("kernel_regularizer");
    this.kernelRegularizer = regularizer;
    return this;
  }

  /** A kernel penalty by Keras name: {@code "l1"}, {@code "l2"}, {@code "l1_l2"}. */
  public Dense kernelRegularizer(String name) {
    return kernelRegularizer(Regularizers.get(name));
  }

  public Dense biasRegularizer(Regularizer regularizer) {
    requireUnbuilt("bias_regularizer");
    this.biasRegularizer = regularizer;
    return this;
  }

  public Dense biasRegularizer(String name) {
    return biasRegularizer(Regularizers.get(name));
  }

  /**
   * A penalty on the layer's output, added to the losses of each call. Keras 3.1 does not write
   * it in Dense's config (so neither does this).
   */
  public Dense activityRegularizer(Regularizer regularizer) {
    this.activityRegularizer = regularizer;
    return this;
  }

  public Dense activityRegularizer(String name) {
    return activityRegularizer(Regularizers.get(name));
  }

  /** A projection of the kernel after each optimizer update (null for none). */
  public Dense kernelConstraint(Constraint constraint) {
    requireUnbuilt("kernel_constraint");
    this.kernelConstraint = constraint;
    return this;
  }

  /** A kernel constraint by Keras name: {@code "max_norm"}, {@code "non_neg"}, ... */
  public Dense kernelConstraint(String name) {
    return kernelConstraint(Constraints.get(name));
  }

  public Dense biasConstraint(Constraint constraint) {
    requireUnbuilt("bias_constraint");
    this.biasConstraint = constraint;
    return this;
  }

  public Dense biasConstraint(String name) {
    return biasConstraint(Constraints.get(name));
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
    kernel = addWeight("kernel", kernelShape, kernelInitializer.initialize(kernelShape), true,
        kernelRegularizer, kernelConstraint);
    if (useBias) {
      Shape biasShape = Shape.of(units);
      bias = addWeight("bias", biasShape, biasInitializer.initialize(biasShape), true,
          biasRegularizer, biasConstraint);
    }
    setInputSpec(InputSpec.minNdim(2).withAxis(-1, inputDim));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    return List.of(inputShapes.get(0).withDim(-1, units));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    FusedActivation fused = FusedActivation.forKerasName(activation.name());
    Tensor out;
    if (fused != null && x.dtype() == DType.FLOAT32) {
      out = LinalgOps.dense(x, kernel, useBias ? bias : null, fused);
    } else {
      Tensor y = LinalgOps.matmul(x, kernel);
      out = activation.apply(useBias ? MathOps.add(y, bias) : y);
    }
    if (activityRegularizer != null) {
      addLoss(activityRegularizer.apply(out));
    }
    return List.of(out);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("units", units);
    c.put("activation", activation.name());
    c.put("use_bias", useBias);
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    c.put("kernel_regularizer", Regularizers.serialize(kernelRegularizer));
    c.put("bias_regularizer", Regularizers.serialize(biasRegularizer));
    c.put("kernel_constraint", Constraints.serialize(kernelConstraint));
    c.put("bias_constraint", Constraints.serialize(biasConstraint));
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
    d.kernelRegularizer(Regularizers.deserialize(c.raw("kernel_regularizer")));
    d.biasRegularizer(Regularizers.deserialize(c.raw("bias_regularizer")));
    d.activityRegularizer(Regularizers.deserialize(c.raw("activity_regularizer")));
    d.kernelConstraint(Constraints.deserialize(c.raw("kernel_constraint")));
    d.biasConstraint(Constraints.deserialize(c.raw("bias_constraint")));
    return d;
  }
}
