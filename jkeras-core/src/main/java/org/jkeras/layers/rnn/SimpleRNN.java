package org.jkeras.layers.rnn;

import java.util.List;
import org.jkeras.config.Config;
import org.jkeras.backend.Tensor;
import org.jkeras.initializers.Initializer;
import org.jkeras.ops.RecurrentOps;

/**
 * A fully connected recurrent layer, as Keras's SimpleRNN: {@code h_t = activation(x_t kernel +
 * h_{t-1} recurrent_kernel + bias)}.
 */
public class SimpleRNN extends BaseRnn {
  public SimpleRNN(int units) {
    super(units, 1, 1, "simple_rnn_cell");
  }

  @Override
  protected List<Tensor> runSequence(Tensor inputs) {
    return RecurrentOps.simpleRnn(inputs, null, kernel(), recurrentKernel(), bias(), null,
        options());
  }

  public SimpleRNN activation(String name) {
    setActivation(name);
    return this;
  }

  public SimpleRNN useBias(boolean value) {
    setUseBias(value);
    return this;
  }

  /** Output the whole sequence {@code (batch, time, units)} instead of the last step. */
  public SimpleRNN returnSequences(boolean value) {
    setReturnSequences(value);
    return this;
  }

  /** Also output the final state h (use {@code applyOutputs}). */
  public SimpleRNN returnState(boolean value) {
    setReturnState(value);
    return this;
  }

  public SimpleRNN goBackwards(boolean value) {
    setGoBackwards(value);
    return this;
  }

  public SimpleRNN kernelInitializer(Initializer init) {
    setKernelInitializer(init);
    return this;
  }

  public SimpleRNN recurrentInitializer(Initializer init) {
    setRecurrentInitializer(init);
    return this;
  }

  public SimpleRNN biasInitializer(Initializer init) {
    setBiasInitializer(init);
    return this;
  }

  @Override
  public SimpleRNN name(String newName) {
    super.name(newName);
    return this;
  }

  /** A SimpleRNN layer from its Keras config. */
  public static SimpleRNN fromConfig(Config c) {
    return configure(new SimpleRNN(c.requireInt("units")), c);
  }
}
