package org.jkeras.layers.convolutional;

import org.jkeras.config.Config;
import org.jkeras.constraints.Constraint;
import org.jkeras.constraints.Constraints;
import org.jkeras.initializers.Initializer;
import org.jkeras.initializers.Initializers;
import org.jkeras.regularizers.Regularizer;
import org.jkeras.regularizers.Regularizers;

/**
 * 2-D convolution over {@code (batch, rows, cols, channels)} inputs, as Keras's Conv2D:
 * {@code new Conv2D(16, 3, 3).padding("same")} has 16 filters of 3 x 3.
 */
public class Conv2D extends BaseConv {
  public Conv2D(int filters, int kernelRows, int kernelCols) {
    super(2, filters, new int[] {kernelRows, kernelCols});
  }

  /** A square {@code kernelSize x kernelSize} kernel. */
  public Conv2D(int filters, int kernelSize) {
    this(filters, kernelSize, kernelSize);
  }

  public Conv2D strides(int... values) {
    setStrides(values);
    return this;
  }

  /** Splits the channels into {@code value} groups, each convolved with its own filters. */
  public Conv2D groups(int value) {
    setGroups(value);
    return this;
  }

  public Conv2D padding(String value) {
    setPadding(value);
    return this;
  }

  public Conv2D dilationRate(int... values) {
    setDilationRate(values);
    return this;
  }

  public Conv2D activation(String name) {
    setActivation(name);
    return this;
  }

  public Conv2D useBias(boolean value) {
    setUseBias(value);
    return this;
  }

  public Conv2D kernelInitializer(Initializer init) {
    setKernelInitializer(init);
    return this;
  }

  public Conv2D biasInitializer(Initializer init) {
    setBiasInitializer(init);
    return this;
  }

  /** The kernel initializer by Keras name ({@code "he_normal"}, ...). */
  public Conv2D kernelInitializer(String name) {
    setKernelInitializer(Initializers.get(name));
    return this;
  }

  public Conv2D biasInitializer(String name) {
    setBiasInitializer(Initializers.get(name));
    return this;
  }

  /** A penalty on the kernel, added to {@code losses()}. */
  public Conv2D kernelRegularizer(Regularizer regularizer) {
    setKernelRegularizer(regularizer);
    return this;
  }

  /** A kernel penalty by Keras name: {@code "l1"}, {@code "l2"}, {@code "l1_l2"}. */
  public Conv2D kernelRegularizer(String name) {
    return kernelRegularizer(Regularizers.get(name));
  }

  public Conv2D biasRegularizer(Regularizer regularizer) {
    setBiasRegularizer(regularizer);
    return this;
  }

  public Conv2D biasRegularizer(String name) {
    return biasRegularizer(Regularizers.get(name));
  }

  /** A penalty on the output, added to the losses of each call. */
  public Conv2D activityRegularizer(Regularizer regularizer) {
    setActivityRegularizer(regularizer);
    return this;
  }

  public Conv2D activityRegularizer(String name) {
    return activityRegularizer(Regularizers.get(name));
  }

  /** A projection of the kernel after each optimizer update ({@code "max_norm"}, ...). */
  public Conv2D kernelConstraint(Constraint constraint) {
    setKernelConstraint(constraint);
    return this;
  }

  public Conv2D kernelConstraint(String name) {
    return kernelConstraint(Constraints.get(name));
  }

  public Conv2D biasConstraint(Constraint constraint) {
    setBiasConstraint(constraint);
    return this;
  }

  public Conv2D biasConstraint(String name) {
    return biasConstraint(Constraints.get(name));
  }

  @Override
  public Conv2D name(String newName) {
    super.name(newName);
    return this;
  }

  /** A Conv2D layer from its Keras config. */
  public static Conv2D fromConfig(Config c) {
    int[] k = c.requireInts("kernel_size", 2);
    return configure(new Conv2D(c.requireInt("filters"), k[0], k[1]), c);
  }
}
