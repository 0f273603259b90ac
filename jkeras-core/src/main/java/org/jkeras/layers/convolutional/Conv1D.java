package org.jkeras.layers.convolutional;

import org.jkeras.config.Config;
import org.jkeras.constraints.Constraint;
import org.jkeras.constraints.Constraints;
import org.jkeras.initializers.Initializer;
import org.jkeras.initializers.Initializers;
import org.jkeras.regularizers.Regularizer;
import org.jkeras.regularizers.Regularizers;

/** 1-D convolution over {@code (batch, steps, channels)} inputs, as Keras's Conv1D. */
public class Conv1D extends BaseConv {
  public Conv1D(int filters, int kernelSize) {
    super(1, filters, new int[] {kernelSize});
  }

  public Conv1D strides(int value) {
    setStrides(value);
    return this;
  }

  /** Splits the channels into {@code value} groups, each convolved with its own filters. */
  public Conv1D groups(int value) {
    setGroups(value);
    return this;
  }

  public Conv1D padding(String value) {
    setPadding(value);
    return this;
  }

  public Conv1D dilationRate(int value) {
    setDilationRate(value);
    return this;
  }

  public Conv1D activation(String name) {
    setActivation(name);
    return this;
  }

  public Conv1D useBias(boolean value) {
    setUseBias(value);
    return this;
  }

  public Conv1D kernelInitializer(Initializer init) {
    setKernelInitializer(init);
    return this;
  }

  /** The kernel initializer by Keras name ({@code "he_normal"}, ...). */
  public Conv1D kernelInitializer(String name) {
    setKernelInitializer(Initializers.get(name));
    return this;
  }

  public Conv1D biasInitializer(String name) {
    setBiasInitializer(Initializers.get(name));
    return this;
  }

  /** A penalty on the kernel, added to {@code losses()}. */
  public Conv1D kernelRegularizer(Regularizer regularizer) {
    setKernelRegularizer(regularizer);
    return this;
  }

  /** A kernel penalty by Keras name: {@code "l1"}, {@code "l2"}, {@code "l1_l2"}. */
  public Conv1D kernelRegularizer(String name) {
    return kernelRegularizer(Regularizers.get(name));
  }

  public Conv1D biasRegularizer(Regularizer regularizer) {
    setBiasRegularizer(regularizer);
    return this;
  }

  public Conv1D biasRegularizer(String name) {
    return biasRegularizer(Regularizers.get(name));
  }

  /** A penalty on the output, added to the losses of each call. */
  public Conv1D activityRegularizer(Regularizer regularizer) {
    setActivityRegularizer(regularizer);
    return this;
  }

  public Conv1D activityRegularizer(String name) {
    return activityRegularizer(Regularizers.get(name));
  }

  /** A projection of the kernel after each optimizer update ({@code "max_norm"}, ...). */
  public Conv1D kernelConstraint(Constraint constraint) {
    setKernelConstraint(constraint);
    return this;
  }

  public Conv1D kernelConstraint(String name) {
    return kernelConstraint(Constraints.get(name));
  }

  public Conv1D biasConstraint(Constraint constraint) {
    setBiasConstraint(constraint);
    return this;
  }

  public Conv1D biasConstraint(String name) {
    return biasConstraint(Constraints.get(name));
  }

  @Override
  public Conv1D name(String newName) {
    super.name(newName);
    return this;
  }

  /** A Conv1D layer from its Keras config. */
  public static Conv1D fromConfig(Config c) {
    return configure(new Conv1D(c.requireInt("filters"), c.requireInts("kernel_size", 1)[0]), c);
  }
}
