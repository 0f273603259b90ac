package org.jkeras.layers.rnn;

import java.util.List;
import java.util.Map;
import org.jkeras.config.Config;
import org.jkeras.backend.Shape;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.Tensor;
import org.jkeras.initializers.Initializer;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.IndexingOps;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;
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
  protected List<Tensor> runSequence(List<Tensor> inputs, List<Tensor> initialStates, Tensor mask,
      RecurrentOptions options) {
    return RecurrentOps.gru(inputs, initialStates.get(0), kernel(), recurrentKernel(), bias(),
        mask, options.withResetAfter(resetAfter));
  }

  @Override
  protected Tensor inputBias() {
    return bias() == null || !resetAfter ? bias() : biasRow(0);
  }

  private Tensor biasRow(int row) {
    int n = 3 * units();
    return ArrayOps.reshape(IndexingOps.slice(bias(), new int[] {row, 0}, new int[] {1, n}), n);
  }

  /** Keras's GRU cell with {@code implementation=1}: each gate's recurrent product apart. */
  @Override
  protected List<Tensor> step(List<Tensor> x, List<Tensor> states, List<Tensor> recurrentMasks) {
    Tensor h = states.get(0);
    int u = units();
    Tensor recurrentBias = resetAfter && bias() != null ? biasRow(1) : null;
    Tensor[] rec = new Tensor[3];
    for (int k = 0; k < 2; k++) {
      rec[k] = LinalgOps.matmul(RecurrentSteps.dropped(h, recurrentMasks, k),
          RecurrentSteps.block(recurrentKernel(), k, u));
      if (recurrentBias != null) {
        rec[k] = MathOps.add(rec[k], IndexingOps.slice(recurrentBias, new int[] {k * u},
            new int[] {u}));
      }
    }
    Tensor z = activateGate(MathOps.add(x.get(0), rec[0]));
    Tensor r = activateGate(MathOps.add(x.get(1), rec[1]));
    Tensor hh = RecurrentSteps.dropped(h, recurrentMasks, 2);
    Tensor u2 = RecurrentSteps.block(recurrentKernel(), 2, u);
    Tensor recH;
    if (resetAfter) {
      recH = LinalgOps.matmul(hh, u2);
      if (recurrentBias != null) {
        recH = MathOps.add(recH, IndexingOps.slice(recurrentBias, new int[] {2 * u},
            new int[] {u}));
      }
      recH = MathOps.multiply(r, recH);
    } else {
      recH = LinalgOps.matmul(MathOps.multiply(r, hh), u2);
    }
    Tensor candidate = activate(MathOps.add(x.get(2), recH));
    // h = z * h + (1 - z) * candidate, with the undropped h.
    return List.of(MathOps.add(MathOps.multiply(z, h),
        MathOps.multiply(MathOps.subtract(1f, z), candidate)));
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

  /** Keep the carried states from each call for the next (fixed batch size; resetStates()). */
  public GRU stateful(boolean value) {
    setStateful(value);
    return this;
  }

  /** Masked steps output zeros instead of repeating the previous output. */
  public GRU zeroOutputForMask(boolean value) {
    setZeroOutputForMask(value);
    return this;
  }

  /** The fraction of input units dropped in training (one mask per sequence). */
  public GRU dropout(double rate) {
    setDropout(rate);
    return this;
  }

  /** The fraction of state units dropped before the recurrent products in training. */
  public GRU recurrentDropout(double rate) {
    setRecurrentDropout(rate);
    return this;
  }

  /** The seed of the dropout masks (null: a new random stream). */
  public GRU seed(Long value) {
    setSeed(value);
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
