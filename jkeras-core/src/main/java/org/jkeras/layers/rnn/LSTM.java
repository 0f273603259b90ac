package org.jkeras.layers.rnn;

import java.util.List;
import java.util.Map;
import org.jkeras.config.Config;
import org.jkeras.backend.Shape;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.Tensor;
import org.jkeras.initializers.Initializer;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.RecurrentOps;

/**
 * Long short-term memory, as Keras 3's LSTM: {@code kernel (features, 4 units)}, {@code
 * recurrent_kernel (units, 4 units)}, {@code bias (4 units)}, gate order i, f, c, o; with
 * {@code unit_forget_bias} (default) the forget gate's bias starts at 1.
 */
public class LSTM extends BaseRnn {
  private boolean unitForgetBias = true;

  public LSTM(int units) {
    super(units, 4, 2, "lstm_cell");
  }

  public LSTM unitForgetBias(boolean value) {
    requireUnbuilt("unit_forget_bias");
    unitForgetBias = value;
    return this;
  }

  @Override
  protected Tensor initialBias(Shape shape) {
    Tensor init = super.initialBias(shape);
    if (!unitForgetBias) {
      return init;
    }
    // Keras: zeros for i, ones for f, the initializer for c and o.
    float[] v = init.toFloatArray();
    int u = units();
    java.util.Arrays.fill(v, 0, u, 0f);
    java.util.Arrays.fill(v, u, 2 * u, 1f);
    return Tensor.wrap(v, shape);
  }

  @Override
  protected List<Tensor> runSequence(List<Tensor> inputs, List<Tensor> initialStates, Tensor mask,
      RecurrentOptions options) {
    return RecurrentOps.lstm(inputs, initialStates.get(0), initialStates.get(1), kernel(),
        recurrentKernel(), bias(), mask, options);
  }

  @Override
  protected List<Tensor> step(List<Tensor> x, List<Tensor> states, List<Tensor> recurrentMasks) {
    Tensor h = states.get(0);
    Tensor[] z = new Tensor[4];
    for (int k = 0; k < 4; k++) {
      z[k] = MathOps.add(x.get(k), LinalgOps.matmul(RecurrentSteps.dropped(h, recurrentMasks, k),
          RecurrentSteps.block(recurrentKernel(), k, units())));
    }
    Tensor i = activateGate(z[0]);
    Tensor f = activateGate(z[1]);
    Tensor c = MathOps.add(MathOps.multiply(f, states.get(1)),
        MathOps.multiply(i, activate(z[2])));
    Tensor o = activateGate(z[3]);
    return List.of(MathOps.multiply(o, activate(c)), c);
  }

  public LSTM activation(String name) {
    setActivation(name);
    return this;
  }

  public LSTM recurrentActivation(String name) {
    setRecurrentActivation(name);
    return this;
  }

  public LSTM useBias(boolean value) {
    setUseBias(value);
    return this;
  }

  /** Output the whole sequence {@code (batch, time, units)} instead of the last step. */
  public LSTM returnSequences(boolean value) {
    setReturnSequences(value);
    return this;
  }

  /** Also output the final states h and c (use {@code applyOutputs}). */
  public LSTM returnState(boolean value) {
    setReturnState(value);
    return this;
  }

  public LSTM goBackwards(boolean value) {
    setGoBackwards(value);
    return this;
  }

  /** Keep the carried states from each call for the next (fixed batch size; resetStates()). */
  public LSTM stateful(boolean value) {
    setStateful(value);
    return this;
  }

  /** Masked steps output zeros instead of repeating the previous output. */
  public LSTM zeroOutputForMask(boolean value) {
    setZeroOutputForMask(value);
    return this;
  }

  /** The fraction of input units dropped in training (one mask per sequence). */
  public LSTM dropout(double rate) {
    setDropout(rate);
    return this;
  }

  /** The fraction of state units dropped before the recurrent products in training. */
  public LSTM recurrentDropout(double rate) {
    setRecurrentDropout(rate);
    return this;
  }

  /** The seed of the dropout masks (null: a new random stream). */
  public LSTM seed(Long value) {
    setSeed(value);
    return this;
  }

  public LSTM kernelInitializer(Initializer init) {
    setKernelInitializer(init);
    return this;
  }

  public LSTM recurrentInitializer(Initializer init) {
    setRecurrentInitializer(init);
    return this;
  }

  public LSTM biasInitializer(Initializer init) {
    setBiasInitializer(init);
    return this;
  }

  @Override
  public LSTM name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected void putCellConfig(Map<String, Object> c) {
    c.put("unit_forget_bias", unitForgetBias);
  }

  /** An LSTM layer from its Keras config. */
  public static LSTM fromConfig(Config c) {
    LSTM l = configure(new LSTM(c.requireInt("units")), c);
    l.unitForgetBias(c.getBoolean("unit_forget_bias", true));
    return l;
  }
}
