package org.jkeras.layers.rnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.config.Config;
import org.jkeras.initializers.Initializers;
import org.jkeras.backend.CellActivation;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.initializers.Constant;
import org.jkeras.initializers.GlorotUniform;
import org.jkeras.initializers.Initializer;
import org.jkeras.initializers.Orthogonal;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.Layer;

/**
 * What SimpleRNN, LSTM and GRU share: {@code (batch, time, features)} inputs, a cell's kernel,
 * recurrent kernel and bias (stored under {@code <layer>/<cell>/...} as Keras 3 nests them), and
 * the options {@code return_sequences}, {@code return_state} and {@code go_backwards}. Each layer
 * runs its whole sequence through one fused op.
 */
public abstract class BaseRnn extends Layer {
  private final int units;
  private final int gates;
  private final int stateCount;
  private final String cellName;
  private CellActivation activation = CellActivation.TANH;
  private CellActivation recurrentActivation = CellActivation.SIGMOID;
  private boolean useBias = true;
  private boolean returnSequences;
  private boolean returnState;
  private boolean goBackwards;
  private Initializer kernelInitializer = new GlorotUniform();
  private Initializer recurrentInitializer = new Orthogonal();
  private Initializer biasInitializer = Constant.zeros();
  private Variable kernel;
  private Variable recurrentKernel;
  private Variable bias;

  /**
   * A layer of {@code units} with {@code gates} blocks in its kernels, {@code stateCount} states,
   * and weights stored under {@code cellName} (for example {@code "lstm_cell"}).
   */
  protected BaseRnn(int units, int gates, int stateCount, String cellName) {
    if (units <= 0) {
      throw new JKerasException("Received an invalid value for argument `units`, expected a"
          + " positive integer, got " + units + ".");
    }
    this.units = units;
    this.gates = gates;
    this.stateCount = stateCount;
    this.cellName = cellName;
    setInputSpec(InputSpec.ndim(3));
  }

  public int units() {
    return units;
  }

  public Variable kernel() {
    return kernel;
  }

  public Variable recurrentKernel() {
    return recurrentKernel;
  }

  public Variable bias() {
    return bias;
  }

  protected void setActivation(String name) {
    requireUnbuilt("activation");
    activation = CellActivation.fromKerasName(name);
  }

  protected void setRecurrentActivation(String name) {
    requireUnbuilt("recurrent_activation");
    recurrentActivation = CellActivation.fromKerasName(name);
  }

  protected void setUseBias(boolean value) {
    requireUnbuilt("use_bias");
    useBias = value;
  }

  protected void setReturnSequences(boolean value) {
    requireUnbuilt("return_sequences");
    returnSequences = value;
  }

  protected void setReturnState(boolean value) {
    requireUnbuilt("return_state");
    returnState = value;
  }

  protected void setGoBackwards(boolean value) {
    requireUnbuilt("go_backwards");
    goBackwards = value;
  }

  protected void setKernelInitializer(Initializer init) {
    requireUnbuilt("kernel_initializer");
    kernelInitializer = init;
  }

  protected void setRecurrentInitializer(Initializer init) {
    requireUnbuilt("recurrent_initializer");
    recurrentInitializer = init;
  }

  protected void setBiasInitializer(Initializer init) {
    requireUnbuilt("bias_initializer");
    biasInitializer = init;
  }

  /** The bias shape: {@code (gates * units)} unless the cell says otherwise (GRU reset-after). */
  protected Shape biasShape() {
    return Shape.of(gates * units);
  }

  /** The starting bias; LSTM's unit forget bias overrides this. */
  protected Tensor initialBias(Shape shape) {
    return biasInitializer.initialize(shape);
  }

  /** The options for the fused op. */
  protected RecurrentOptions options() {
    return RecurrentOptions.defaults().withActivation(activation)
        .withRecurrentActivation(recurrentActivation).withGoBackwards(goBackwards);
  }

  /** Runs the fused op: returns the sequence, then the final states. */
  protected abstract List<Tensor> runSequence(Tensor inputs);

  @Override
  protected void build(List<Shape> inputShapes) {
    int features = inputShapes.get(0).dim(-1);
    Shape k = Shape.of(features, gates * units);
    Shape r = Shape.of(units, gates * units);
    kernel = addWeight(cellName + "/kernel", k, kernelInitializer.initialize(k), true);
    recurrentKernel = addWeight(cellName + "/recurrent_kernel", r,
        recurrentInitializer.initialize(r), true);
    if (useBias) {
      bias = addWeight(cellName + "/bias", biasShape(), initialBias(biasShape()), true);
    }
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    List<Shape> out = new ArrayList<>();
    out.add(returnSequences ? Shape.of(in.dim(0), in.dim(1), units) : Shape.of(in.dim(0), units));
    for (int s = 0; returnState && s < stateCount; s++) {
      out.add(Shape.of(in.dim(0), units));
    }
    return out;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    List<Tensor> r = runSequence(inputs.get(0));
    List<Tensor> out = new ArrayList<>();
    out.add(returnSequences ? r.get(0) : r.get(1));
    for (int s = 0; returnState && s < stateCount; s++) {
      out.add(r.get(1 + s));
    }
    return out;
  }

  /** Whether the cell has a separate gate activation (LSTM and GRU do, SimpleRNN does not). */
  protected boolean hasRecurrentActivation() {
    return gates > 1;
  }

  /** Extra keys a cell type adds after {@code use_bias}'s initializers (LSTM's unit_forget_bias). */
  protected void putCellConfig(Map<String, Object> c) {}

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("return_sequences", returnSequences);
    c.put("return_state", returnState);
    c.put("go_backwards", goBackwards);
    c.put("stateful", false);
    c.put("unroll", false);
    c.put("zero_output_for_mask", false);
    c.put("units", units);
    c.put("activation", activation.kerasName());
    if (hasRecurrentActivation()) {
      c.put("recurrent_activation", recurrentActivation.kerasName());
    }
    c.put("use_bias", useBias);
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("recurrent_initializer", Initializers.serialize(recurrentInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    putCellConfig(c);
    for (String k : new String[] {"kernel_regularizer", "recurrent_regularizer",
        "bias_regularizer", "activity_regularizer", "kernel_constraint", "recurrent_constraint",
        "bias_constraint"}) {
      c.put(k, null);
    }
    c.put("dropout", 0.0);
    c.put("recurrent_dropout", 0.0);
    c.put("seed", null);
    return c;
  }

  /** Applies the shared recurrent keys of a Keras config to a new layer. */
  protected static <T extends BaseRnn> T configure(T layer, Config c) {
    layer.applyBaseConfig(c);
    for (String unsupported : new String[] {"stateful", "unroll"}) {
      if (c.getBoolean(unsupported, false)) {
        throw new JKerasException("Layer '" + layer.name() + "' sets " + unsupported
            + "=true, which jkeras does not support yet.");
      }
    }
    layer.setReturnSequences(c.getBoolean("return_sequences", false));
    layer.setReturnState(c.getBoolean("return_state", false));
    layer.setGoBackwards(c.getBoolean("go_backwards", false));
    layer.setActivation(c.getString("activation", "tanh"));
    if (layer.hasRecurrentActivation()) {
      layer.setRecurrentActivation(c.getString("recurrent_activation", "sigmoid"));
    }
    layer.setUseBias(c.getBoolean("use_bias", true));
    if (c.has("kernel_initializer")) {
      layer.setKernelInitializer(Initializers.deserialize(c.raw("kernel_initializer")));
    }
    if (c.has("recurrent_initializer")) {
      layer.setRecurrentInitializer(Initializers.deserialize(c.raw("recurrent_initializer")));
    }
    if (c.has("bias_initializer")) {
      layer.setBiasInitializer(Initializers.deserialize(c.raw("bias_initializer")));
    }
    return layer;
  }
}
