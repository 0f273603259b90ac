package org.jkeras.layers.rnn;

import java.util.List;
import org.jkeras.config.Config;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.Tensor;
import org.jkeras.initializers.Initializer;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;
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
  protected List<Tensor> runSequence(List<Tensor> inputs, List<Tensor> initialStates, Tensor mask,
      RecurrentOptions options) {
    return RecurrentOps.simpleRnn(inputs, initialStates.get(0), kernel(), recurrentKernel(),
        bias(), mask, options);
  }

  @Override
  protected List<Tensor> step(List<Tensor> x, List<Tensor> states, List<Tensor> recurrentMasks) {
    Tensor h = RecurrentSteps.dropped(states.get(0), recurrentMasks, 0);
    return List.of(activate(MathOps.add(x.get(0), LinalgOps.matmul(h, recurrentKernel()))));
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

  /** Keep the carried states from each call for the next (fixed batch size; resetStates()). */
  public SimpleRNN stateful(boolean value) {
    setStateful(value);
    return this;
  }

  /** Masked steps output zeros instead of repeating the previous output. */
  public SimpleRNN zeroOutputForMask(boolean value) {
    setZeroOutputForMask(value);
    return this;
  }

  /** The fraction of input units dropped in training (one mask per sequence). */
  public SimpleRNN dropout(double rate) {
    setDropout(rate);
    return this;
  }

  /** The fraction of state units dropped before the recurrent products in training. */
  public SimpleRNN recurrentDropout(double rate) {
    setRecurrentDropout(rate);
    return this;
  }

  /** The seed of the dropout masks (null: a new random stream). */
  public SimpleRNN seed(Long value) {
    setSeed(value);
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
