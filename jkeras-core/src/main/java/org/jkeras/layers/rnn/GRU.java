package org.jkeras.layers.rnn;

import java.util.List;
import java.util.Map;
import org.jkeras.config.Config;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.initializers.Initializer;
import org.jkeras.ops.RecurrentOps;

/**
 * Gated recurrent unit, as Keras 3's GRU: {@code kernel (features, 3 units)}, {@code
 * recurrent_kernel (units, 3 units)}, gate order z, r, h; with {@code reset_after} (the Keras 3
 * default) the bias is {@code (2, 3 units)}: an input row and a recurrent row.
 */
public class GRU extends BaseRnn {
  private boolean resetAfter = true;

  public GRU(int units) {
    super(units, 3, 1, "gru_cell");
  }

  /** Apply the reset gate after the recurrent product (Keras 3 default) or before. */
  public GRU resetAfter(boolean value) {
    requireUnbuilt("reset_after");
    resetAfter = value;
    return this;
  }

  @Override
  protected Shape biasShape() {
    return resetAfter ? Shape.of(2, 3 * units()) : super.biasShape();
  }

  @Override
  protected List<Tensor> runSequence(Tensor inputs) {
    return RecurrentOps.gru(inputs, null, kernel(), recurrentKernel(), bias(), null,
        options().withResetAfter(resetAfter));
  }

  public GRU activation(String name) {
    setActivation(name);
    return this;
  }

  public GRU recurrentActivation(String name) {
    setRecurrentActivation(name);
    return this;
  }

  public GRU useBias(boolean value) {
    setUseBias(value);
    return this;
  }

  /** Output the whole sequence {@code (batch, time, units)} instead of the last step. */
  public GRU returnSequences(boolean value) {
    setReturnSequences(value);
    return this;
  }

  /** Also output the final state h (use {@code applyOutputs}). */
  public GRU returnState(boolean value) {
    setReturnState(value);
    return this;
  }

  public GRU goBackwards(boolean value) {
    setGoBackwards(value);
    return this;
  }

  public GRU kernelInitializer(Initializer init) {
    setKernelInitializer(init);
    return this;
  }

  public GRU recurrentInitializer(Initializer init) {
    setRecurrentInitializer(init);
    return this;
  }

  public GRU biasInitializer(Initializer init) {
    setBiasInitializer(init);
    return this;
  }

  @Override
  public GRU name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("reset_after", resetAfter);
    return c;
  }

  /** A GRU layer from its Keras config. */
  public static GRU fromConfig(Config c) {
    GRU g = configure(new GRU(c.requireInt("units")), c);
    g.resetAfter(c.getBoolean("reset_after", true));
    return g;
  }
}
