package org.jkeras.layers.rnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.constraints.Constraints;
import org.jkeras.regularizers.Regularizers;
import org.jkeras.config.Config;
import org.jkeras.initializers.Initializers;
import org.jkeras.backend.CellActivation;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.SeedGenerator;
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
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.MathOps;

/**
 * What SimpleRNN, LSTM and GRU share: {@code (batch, time, features)} inputs, a cell's kernel,
 * recurrent kernel and bias (stored under {@code <layer>/<cell>/...} as Keras 3 nests them), and
 * the options {@code return_sequences}, {@code return_state}, {@code go_backwards}, {@code
 * stateful}, {@code zero_output_for_mask}, {@code dropout}, {@code recurrent_dropout} and {@code
 * seed}. Each layer runs its whole sequence through one fused op, except in training with
 * recurrent dropout, which Keras applies per gate inside the step: that runs {@link
 * RecurrentSteps}, an unfused loop of ops.
 *
 * <p><b>Initial states.</b> Keras's {@code layer(x, initial_state=[h, c])} is a call with the
 * states after the sequence: {@code layer.applyOutputs(List.of(x, h0, c0))} on symbolic tensors,
 * or {@code layer.applyEager(List.of(x, h0, c0), ctx)} on concrete ones; each state is {@code
 * (batch, units)}, in the order the layer returns them ({@code [h, c]} for LSTM, {@code [h]}
 * otherwise). A layer takes either the sequence alone or the sequence and all of its states.
 *
 * <p><b>Masks.</b> The sequence's mask {@code (batch, time)} (from Embedding's {@code mask_zero}
 * or Masking) skips steps: states carry through and the output repeats the previous one (zeros
 * with {@code zero_output_for_mask}). The output mask is the input mask with {@code
 * return_sequences}, else none; states are never masked.
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
  private boolean stateful;
  private boolean zeroOutputForMask;
  private double dropout;
  private double recurrentDropout;
  private RnnDropout dropoutMasks = new RnnDropout(null);
  private Initializer kernelInitializer = new GlorotUniform();
  private Initializer recurrentInitializer = new Orthogonal();
  private Initializer biasInitializer = Constant.zeros();
  private final RnnPenalties penalties = new RnnPenalties();
  private Variable kernel;
  private Variable recurrentKernel;
  private Variable bias;
  private int statefulBatch = -1;
  private List<Tensor> states;

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

  /** How many states the layer carries: 2 for LSTM ({@code [h, c]}), 1 otherwise. */
  public int stateCount() {
    return stateCount;
  }

  public boolean returnSequences() {
    return returnSequences;
  }

  public boolean returnState() {
    return returnState;
  }

  public boolean goBackwards() {
    return goBackwards;
  }

  /** Calls on different inputs can share one fused op unless state or dropout ties them. */
  @Override
  public boolean batchableAcrossCalls() {
    return !stateful && dropout == 0 && recurrentDropout == 0;
  }

  public boolean stateful() {
    return stateful;
  }

  public boolean zeroOutputForMask() {
    return zeroOutputForMask;
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

  protected void setStateful(boolean value) {
    requireUnbuilt("stateful");
    stateful = value;
  }

  /**
   * Masked steps output zeros instead of the previous output. Settable after building, as
   * Bidirectional does to the layers it wraps.
   */
  protected void setZeroOutputForMask(boolean value) {
    zeroOutputForMask = value;
  }

  /** Keras clips the rates to {@code [0, 1]}. */
  protected void setDropout(double rate) {
    dropout = Math.min(1.0, Math.max(0.0, rate));
  }

  protected void setRecurrentDropout(double rate) {
    recurrentDropout = Math.min(1.0, Math.max(0.0, rate));
  }

  protected void setSeed(Long seed) {
    requireUnbuilt("seed");
    dropoutMasks = new RnnDropout(seed);
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

  /** The bias added to the input projection, {@code (gates * units)} or null (GRU splits). */
  protected Tensor inputBias() {
    return bias;
  }

  /** The options for the fused op. */
  protected RecurrentOptions options() {
    return RecurrentOptions.defaults().withActivation(activation)
        .withRecurrentActivation(recurrentActivation).withGoBackwards(goBackwards)
        .withZeroOutputForMask(zeroOutputForMask);
  }

  /** Applies the output activation ({@code activation}) with ops, for the unfused step. */
  protected Tensor activate(Tensor x) {
    return org.jkeras.activations.Activations.get(activation.kerasName()).apply(x);
  }

  /** Applies the gate activation ({@code recurrent_activation}) with ops, for the unfused step. */
  protected Tensor activateGate(Tensor x) {
    return org.jkeras.activations.Activations.get(recurrentActivation.kerasName()).apply(x);
  }

  /**
   * Runs the fused op on the inputs given as one or more blocks of batch rows (see {@link
   * #callStacked}): returns the sequence, then the final states, for the whole stacked batch.
   */
  protected abstract List<Tensor> runSequence(List<Tensor> inputs, List<Tensor> initialStates,
      Tensor mask, RecurrentOptions options);

  /**
   * One unfused step (Keras's cell with {@code implementation=1}): from each gate's input
   * projection {@code (batch, units)}, the states and one recurrent dropout mask per gate (or
   * null), the new states, h first.
   */
  protected abstract List<Tensor> step(List<Tensor> inputGates, List<Tensor> states,
      List<Tensor> recurrentMasks);

  @Override
  protected int expectedInputCount() {
    return -1;
  }

  /** The sequence must be 3-D; states, when given, all of them, each {@code (batch, units)}. */
  private void checkInputs(List<Shape> shapes) {
    if (shapes.size() != 1 && shapes.size() != 1 + stateCount) {
      throw new JKerasException("Layer '" + name() + "' expects the sequence alone or the"
          + " sequence and its " + stateCount + " initial state" + (stateCount == 1 ? "" : "s")
          + " (" + (stateCount == 1 ? "[h]" : "[h, c]") + "), but was called with "
          + shapes.size() + " inputs.");
    }
    InputSpec.ndim(3).check(name(), 0, shapes.get(0));
    for (int i = 1; i < shapes.size(); i++) {
      Shape s = shapes.get(i);
      if (s.rank() != 2 || s.dim(1) != units) {
        throw new JKerasException("Layer '" + name() + "': initial state " + (i - 1)
            + " must have shape (batch, " + units + "), got " + s + ".");
      }
    }
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    checkInputs(inputShapes);
    Shape seq = inputShapes.get(0);
    if (stateful) {
      if (seq.dim(0) == Shape.UNKNOWN) {
        throw new JKerasException("When using `stateful=True` in a RNN, the batch size must be"
            + " static. Found dynamic batch size: sequence.shape=" + seq);
      }
      statefulBatch = seq.dim(0);
      resetStates();
    }
    int features = seq.dim(-1);
    Shape k = Shape.of(features, gates * units);
    Shape r = Shape.of(units, gates * units);
    kernel = addWeight(cellName + "/kernel", k, kernelInitializer.initialize(k), true,
        penalties.kernelRegularizer, penalties.kernelConstraint);
    recurrentKernel = addWeight(cellName + "/recurrent_kernel", r,
        recurrentInitializer.initialize(r), true, penalties.recurrentRegularizer,
        penalties.recurrentConstraint);
    if (useBias) {
      bias = addWeight(cellName + "/bias", biasShape(), initialBias(biasShape()), true,
          penalties.biasRegularizer, penalties.biasConstraint);
    }
  }

  /**
   * Zeros the carried states of a stateful layer (Keras's {@code reset_state()}); its next call
   * starts from zeros.
   */
  public void resetStates() {
    if (statefulBatch < 0) {
      return;
    }
    List<Tensor> zeros = new ArrayList<>();
    for (int s = 0; s < stateCount; s++) {
      zeros.add(Tensor.zeros(Shape.of(statefulBatch, units)));
    }
    states = zeros;
  }

  /** The states a stateful layer carries to its next call (null until built, or not stateful). */
  public List<Tensor> states() {
    return states == null ? null : List.copyOf(states);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    checkInputs(inputShapes);
    Shape in = inputShapes.get(0);
    List<Shape> out = new ArrayList<>();
    out.add(returnSequences ? Shape.of(in.dim(0), in.dim(1), units) : Shape.of(in.dim(0), units));
    for (int s = 0; returnState && s < stateCount; s++) {
      out.add(Shape.of(in.dim(0), units));
    }
    return out;
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    Tensor mask = masks == null || masks.isEmpty() ? null : masks.get(0);
    List<Tensor> out = new ArrayList<>();
    out.add(returnSequences ? mask : null);
    for (int s = 0; returnState && s < stateCount; s++) {
      out.add(null);
    }
    return out;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return call(inputs, null, context);
  }

  /**
   * The calls run as one: the fused op reads each call's inputs where they are, as blocks of one
   * batch, so joining them costs no copy. Only outputs are split per call.
   */
  @Override
  protected List<List<Tensor>> callStacked(List<Tensor> inputs, CallContext context) {
    int batch = 0;
    for (Tensor x : inputs) {
      batch += x.shape().dim(0);
    }
    List<Tensor> init = new ArrayList<>();
    for (int s = 0; s < stateCount; s++) {
      init.add(Tensor.zeros(Shape.of(batch, units)));
    }
    List<Tensor> r = runSequence(inputs, init, null,
        options().withSequenceOutput(returnSequences));
    List<List<Tensor>> perCall = splitPerCall(outputs(r), inputs.size());
    // Per call, as separate calls would add them: a regularizer need not be additive over rows.
    for (List<Tensor> out : perCall) {
      penalties.addActivityLosses(this, out);
    }
    return perCall;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, CallContext context) {
    checkInputs(inputs.stream().map(Tensor::shape).toList());
    Tensor x = inputs.get(0);
    int batch = x.shape().dim(0);
    if (stateful && batch != statefulBatch) {
      throw new JKerasException("Layer '" + name() + "' is stateful with batch size "
          + statefulBatch + " but was called on inputs with batch size " + batch + "; stateful"
          + " layers need the same batch size on every call.");
    }
    List<Tensor> init = new ArrayList<>();
    for (int s = 0; s < stateCount; s++) {
      init.add(inputs.size() > 1 ? inputs.get(1 + s)
          : stateful ? states.get(s) : Tensor.zeros(Shape.of(batch, units)));
    }
    Tensor mask = masks == null || masks.isEmpty() ? null : masks.get(0);
    List<Tensor> r = run(x, init, mask, context.training());
    if (stateful) {
      List<Tensor> carried = new ArrayList<>();
      for (int s = 0; s < stateCount; s++) {
        Tensor t = r.get(1 + s);
        carried.add(Tensor.wrap(t.toFloatArray(), t.shape()));
      }
      states = carried;
    }
    List<Tensor> out = outputs(r);
    penalties.addActivityLosses(this, out);
    return out;
  }

  /**
   * The layer's outputs from the op's {@code [sequence, states...]}: the sequence or the last
   * output, then the states when asked for.
   */
  private List<Tensor> outputs(List<Tensor> r) {
    List<Tensor> out = new ArrayList<>();
    out.add(returnSequences ? r.get(0) : r.get(1));
    for (int s = 0; returnState && s < stateCount; s++) {
      out.add(r.get(1 + s));
    }
    return out;
  }

  /** The fused op, or in training with recurrent dropout the unfused loop; dropout as Keras. */
  private List<Tensor> run(Tensor x, List<Tensor> init, Tensor mask, boolean training) {
    int batch = x.shape().dim(0);
    Shape inputMaskShape = Shape.of(batch, x.shape().dim(2));
    boolean inputDrop = training && RnnDropout.applies(dropout);
    if (training && recurrentDropout > 0
        && (inputDrop || RnnDropout.applies(recurrentDropout))) {
      // Keras's implementation=1: separate input and recurrent masks per gate.
      List<Tensor> inMasks = inputDrop ? dropoutMasks.masks(inputMaskShape, dropout, gates) : null;
      List<Tensor> recMasks = RnnDropout.applies(recurrentDropout)
          ? dropoutMasks.masks(Shape.of(batch, units), recurrentDropout, gates) : null;
      return RecurrentSteps.run(x, init, kernel, inputBias(), gates, units, inMasks, recMasks,
          mask, options(), this::step);
    }
    Tensor in = x;
    if (inputDrop) {
      Tensor m = dropoutMasks.masks(inputMaskShape, dropout, 1).get(0);
      in = MathOps.multiply(x, ArrayOps.expandDims(m, 1));
    }
    return runSequence(List.of(in), init, mask, options().withSequenceOutput(returnSequences));
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
    c.put("stateful", stateful);
    c.put("unroll", false);
    c.put("zero_output_for_mask", zeroOutputForMask);
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
    penalties.putConfig(c);
    c.put("dropout", dropout);
    c.put("recurrent_dropout", recurrentDropout);
    c.put("seed", dropoutMasks.seed());
    return c;
  }

  /** Applies the shared recurrent keys of a Keras config to a new layer. */
  protected static <T extends BaseRnn> T configure(T layer, Config c) {
    layer.applyBaseConfig(c);
    ((BaseRnn) layer).penalties.read(c);
    return RnnConfig.configure(layer, c);
  }

  /**
   * Sets the regularizers (Keras names such as "l2", objects, or null) of the kernel, the
   * recurrent kernel, the bias and the outputs; call it after the layer-specific setters, as it
   * returns the base type.
   */
  public BaseRnn regularizers(Object kernel, Object recurrent, Object bias, Object activity) {
    requireUnbuilt("regularizers");
    penalties.kernelRegularizer = Regularizers.deserialize(kernel);
    penalties.recurrentRegularizer = Regularizers.deserialize(recurrent);
    penalties.biasRegularizer = Regularizers.deserialize(bias);
    penalties.activityRegularizer = Regularizers.deserialize(activity);
    return this;
  }

  /** Sets the constraints (names such as "max_norm", objects, or null) of the three weights. */
  public BaseRnn constraints(Object kernel, Object recurrent, Object bias) {
    requireUnbuilt("constraints");
    penalties.kernelConstraint = Constraints.deserialize(kernel);
    penalties.recurrentConstraint = Constraints.deserialize(recurrent);
    penalties.biasConstraint = Constraints.deserialize(bias);
    return this;
  }

  @Override
  public List<SeedGenerator> seedGenerators() {
    return List.of(dropoutMasks.generator());
  }
}
