package org.jkeras.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jkeras.config.Config;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.graph.KerasTensor;
import org.jkeras.graph.Node;
import org.jkeras.graph.Operation;
import org.jkeras.ops.ConcatOps;

/**
 * The base of every layer. Calling a layer on symbolic tensors ({@link #apply(KerasTensor)})
 * checks the inputs, builds the layer's weights from the input shapes on the first call, infers the
 * output shapes and records a {@link Node}; nothing is computed. Calling it on concrete tensors
 * ({@link #apply(Tensor)}) computes. Each call on symbolic tensors adds one node, all sharing the
 * layer's one set of weights.
 *
 * <p>Subclasses implement {@link #computeOutputShapes} and {@link #call}, create weights in {@link
 * #build} with {@link #addWeight}, and may set an {@link InputSpec}.
 */
public abstract class Layer extends Operation {
  private String name;
  private boolean trainable = true;
  /** Volatile, with {@link #buildLock}: threads making a first call at once build it once. */
  private volatile boolean built;
  private final Object buildLock = new Object();
  private InputSpec inputSpec;
  private final List<Variable> weights = new ArrayList<>();
  private final List<Boolean> weightTrainable = new ArrayList<>();
  private final List<java.util.function.UnaryOperator<Tensor>> weightRegularizers =
      new ArrayList<>();
  /**
   * The losses added during the last call, per thread: threads may call one layer at once
   * (predict's batches run on every thread), and each reads the losses of its own call.
   */
  private final ThreadLocal<List<Tensor>> activityLosses = new ThreadLocal<>();
  private static final ThreadLocal<int[]> CALL_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  protected Layer() {
    Class<?> named = getClass();
    while (named.getSimpleName().isEmpty()) {
      named = named.getSuperclass(); // an anonymous subclass takes its parent's name
    }
    this.name = LayerNames.unique(LayerNames.snakeCase(named.getSimpleName()));
  }

  /** A layer whose automatic names start with {@code namePrefix} instead of its class name. */
  protected Layer(String namePrefix) {
    this.name = LayerNames.unique(namePrefix);
  }

  @Override
  public String name() {
    return name;
  }

  /** Sets the layer's name (Keras's {@code name=}); only before the layer is first called. */
  public Layer name(String newName) {
    if (newName == null || newName.isEmpty()) {
      throw new JKerasException("A layer name cannot be empty.");
    }
    if (newName.contains("/")) {
      throw new JKerasException("Layer name '" + newName + "' cannot contain '/'.");
    }
    if (hasBeenCalled()) {
      throw new JKerasException("Cannot rename layer '" + name + "' to '" + newName
          + "' after it has been called.");
    }
    this.name = newName;
    return this;
  }

  public boolean trainable() {
    return trainable;
  }

  /** Freezes or unfreezes all of the layer's weights. */
  public Layer trainable(boolean value) {
    this.trainable = value;
    return this;
  }

  public boolean built() {
    return built;
  }

  protected InputSpec inputSpec() {
    return inputSpec;
  }

  protected void setInputSpec(InputSpec spec) {
    this.inputSpec = spec;
  }

  /** True once the layer has been called on symbolic tensors. */
  protected boolean hasBeenCalled() {
    return !inboundNodes().isEmpty();
  }

  /** Marks a layer that needs no build step (a functional model is built by construction). */
  protected void markBuilt() {
    built = true;
  }

  /** Throws when a setter is used after the layer was built. */
  protected void requireUnbuilt(String option) {
    if (built) {
      throw new JKerasException("Cannot set " + option + " of layer '" + name
          + "' after it has been built (called).");
    }
  }

  // ---- what subclasses provide -----------------------------------------------------------------

  /** Creates the weights for these input shapes; called once, on the first call. */
  protected void build(List<Shape> inputShapes) {}

  /** The output shapes for these input shapes (batch dimension usually unknown). */
  protected abstract List<Shape> computeOutputShapes(List<Shape> inputShapes);

  /** The computation, on concrete tensors, with ops (so gradients flow). */
  protected abstract List<Tensor> call(List<Tensor> inputs, CallContext context);

  /**
   * The computation with the inputs' masks ({@code (batch, time)} tensors, or null entries for
   * unmasked inputs). Layers that use masks (recurrent, pooling, attention) override this; the
   * default ignores them.
   */
  protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, CallContext context) {
    return call(inputs, context);
  }

  /**
   * Whether several calls of this layer in one graph may run as one call on their inputs joined
   * along the batch axis (same results, larger kernels): true only for layers whose samples never
   * interact and that draw no random numbers.
   */
  public boolean batchableAcrossCalls() {
    return false;
  }

  /**
   * Runs several calls of a {@link #batchableAcrossCalls} layer as one, each call with one
   * unmasked input of the same shape; returns each call's outputs, in call order.
   */
  public List<List<Tensor>> applyEagerStacked(List<Tensor> inputs, CallContext context) {
    if (!batchableAcrossCalls()) {
      throw new JKerasException("Layer '" + name + "' cannot run several calls as one: its"
          + " calls share state or random numbers.");
    }
    for (Tensor t : inputs) {
      if (t == null || !t.shape().equals(inputs.get(0).shape())) {
        throw new JKerasException("Layer '" + name + "': calls run as one need inputs of one"
            + " shape, got " + inputs.stream().map(x -> x == null ? "null" : x.shape().toString())
                .toList() + ".");
      }
    }
    prepare(List.of(inputs.get(0).shape()));
    return outermostClearsLosses(() -> callStacked(inputs, context));
  }

  /**
   * The calls of {@link #applyEagerStacked}: by default one call on the inputs concatenated along
   * the batch axis, its outputs split back.
   */
  protected List<List<Tensor>> callStacked(List<Tensor> inputs, CallContext context) {
    return splitPerCall(call(List.of(ConcatOps.concatenate(inputs, 0)), context), inputs.size());
  }

  /** Each of {@code outputs} split along the batch axis into {@code calls} equal parts. */
  protected static List<List<Tensor>> splitPerCall(List<Tensor> outputs, int calls) {
    List<List<Tensor>> perCall = new ArrayList<>();
    for (int c = 0; c < calls; c++) {
      perCall.add(new ArrayList<>());
    }
    for (Tensor out : outputs) {
      List<Tensor> parts = ConcatOps.split(out, calls, 0);
      for (int c = 0; c < calls; c++) {
        perCall.get(c).add(parts.get(c));
      }
    }
    return perCall;
  }

  /** Whether this layer passes masks through unchanged (Keras's {@code supports_masking}). */
  protected boolean supportsMasking() {
    return false;
  }

  /**
   * The masks of the outputs, one per output (null entries for none): by default the first
   * input's mask when the layer supports masking, else none (Keras's {@code compute_mask}).
   */
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    int outputs = outputShapesFor(inputs.stream().map(Tensor::shape).toList()).size();
    Tensor first = masks == null || masks.isEmpty() ? null : masks.get(0);
    return Collections.nCopies(outputs, supportsMasking() ? first : null);
  }

  // ---- losses -----------------------------------------------------------------------------------

  /** Adds a loss (an activity regularization, for example) to this call's losses. */
  public void addLoss(Tensor loss) {
    List<Tensor> mine = activityLosses.get();
    if (mine == null) {
      mine = new ArrayList<>();
      activityLosses.set(mine);
    }
    mine.add(loss);
  }

  /**
   * The losses to add to training's loss: the weight regularization penalties (computed now, so
   * gradients flow to the weights) and the losses added during the last call on this thread.
   */
  public List<Tensor> losses() {
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      if (weightRegularizers.get(i) != null && (trainable || !weightTrainable.get(i))) {
        out.add(weightRegularizers.get(i).apply(weights.get(i)));
      }
    }
    List<Tensor> mine = activityLosses.get();
    if (mine != null) {
      out.addAll(mine);
    }
    return out;
  }

  /**
   * Forgets the losses added by this thread's last call (done at the start of each outermost
   * call).
   */
  public void clearLosses() {
    List<Tensor> mine = activityLosses.get();
    if (mine != null) {
      mine.clear();
    }
  }

  /** The dtypes of the outputs; float32 unless a layer says otherwise. */
  protected List<DType> computeOutputDTypes(List<DType> inputDTypes, int outputs) {
    return Collections.nCopies(outputs, DType.FLOAT32);
  }

  /** How many inputs the layer takes: 1 unless it says otherwise (-1 for any number >= 1). */
  protected int expectedInputCount() {
    return 1;
  }

  /** Creates a weight, in creation order (which is Keras's {@code weights} order). */
  protected Variable addWeight(String weightName, Shape shape, Tensor initialValue,
      boolean isTrainable) {
    return addWeight(weightName, shape, initialValue, isTrainable, null, null);
  }

  /**
   * Creates a weight with a regularizer (its penalty joins {@link #losses()}) and a constraint
   * (applied by optimizers after each update); either may be null.
   */
  protected Variable addWeight(String weightName, Shape shape, Tensor initialValue,
      boolean isTrainable, java.util.function.UnaryOperator<Tensor> regularizer,
      java.util.function.UnaryOperator<Tensor> constraint) {
    if (!initialValue.shape().equals(shape)) {
      throw new IllegalStateException("initializer gave " + initialValue.shape() + " for "
          + shape);
    }
    Variable v = new Variable(initialValue, name + "/" + weightName, isTrainable);
    v.setConstraint(constraint);
    weights.add(v);
    weightTrainable.add(isTrainable);
    weightRegularizers.add(regularizer);
    return v;
  }

  // ---- weights ---------------------------------------------------------------------------------

  /**
   * The layer's random streams (dropout masks, noise), in a fixed order: their positions are
   * training state that a backup ({@code BackupAndRestore}) saves so a resumed fit draws the
   * same numbers. Layers that draw random numbers override this.
   */
  public List<org.jkeras.backend.SeedGenerator> seedGenerators() {
    return List.of();
  }

  /** All weights: as created, trainable and non-trainable (Keras's {@code layer.weights}). */
  public List<Variable> weights() {
    List<Variable> out = new ArrayList<>(trainableWeights());
    out.addAll(nonTrainableWeights());
    return out;
  }

  /** The weights an optimizer updates (none when the layer is frozen). */
  public List<Variable> trainableWeights() {
    List<Variable> out = new ArrayList<>();
    if (trainable) {
      for (int i = 0; i < weights.size(); i++) {
        if (weightTrainable.get(i)) {
          out.add(weights.get(i));
        }
      }
    }
    return out;
  }

  public List<Variable> nonTrainableWeights() {
    List<Variable> out = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      if (!trainable || !weightTrainable.get(i)) {
        out.add(weights.get(i));
      }
    }
    return out;
  }

  /** Copies of every weight's values, in {@link #weights()} order (Keras's get_weights). */
  public List<Tensor> getWeights() {
    List<Tensor> out = new ArrayList<>();
    for (Variable v : weights()) {
      out.add(Tensor.wrap(v.toFloatArray(), v.shape()));
    }
    return out;
  }

  /** Sets every weight, in {@link #weights()} order (Keras's set_weights); shapes must match. */
  public void setWeights(List<Tensor> values) {
    List<Variable> vars = weights();
    if (values.size() != vars.size()) {
      throw new JKerasException("You called setWeights(weights) on layer \"" + name + "\" with a"
          + " weight list of length " + values.size() + ", but the layer was expecting "
          + vars.size() + " weights.");
    }
    for (int i = 0; i < vars.size(); i++) {
      if (!vars.get(i).shape().equals(values.get(i).shape())) {
        throw new JKerasException("Weight " + i + " ('" + vars.get(i).name() + "') of layer \""
            + name + "\" has shape " + vars.get(i).shape() + ", which is not compatible with the"
            + " provided weight shape " + values.get(i).shape() + ".");
      }
    }
    for (int i = 0; i < vars.size(); i++) {
      vars.get(i).assign(values.get(i));
    }
  }

  /** The number of scalars in all weights. */
  public long countParams() {
    long n = 0;
    for (Variable v : weights()) {
      n += v.size();
    }
    return n;
  }

  // ---- config ----------------------------------------------------------------------------------

  /**
   * The layer's config with Keras's keys: {@code name}, {@code trainable}, {@code dtype}, then the
   * layer's own arguments. {@code fromConfig} of this gives an equal layer.
   */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("name", name);
    c.put("trainable", trainable);
    c.put("dtype", "float32");
    return c;
  }

  /** Applies the base keys ({@code name}, {@code trainable}) of a config to a new layer. */
  protected void applyBaseConfig(Config config) {
    if (config.has("name")) {
      name(config.getString("name", name));
    }
    trainable(config.getBoolean("trainable", true));
    Object format = config.raw("data_format");
    if (format != null && !"channels_last".equals(format)) {
      throw new JKerasException("Layer '" + name + "' (" + getClass().getSimpleName()
          + ") uses data_format=" + format + "; jkeras supports channels_last only. Save the"
          + " model with data_format=\"channels_last\" (the Keras default).");
    }
  }

  // ---- calling on symbolic tensors ------------------------------------------------------------

  /** Calls the layer on one symbolic tensor; the layer must have one output. */
  public KerasTensor apply(KerasTensor input) {
    return single(applyOutputs(java.util.Collections.singletonList(input)));
  }

  /** Calls the layer on several symbolic tensors (merging layers); one output. */
  public KerasTensor apply(List<KerasTensor> inputs) {
    return single(applyOutputs(inputs));
  }

  /** Calls the layer on symbolic tensors and returns every output (for example LSTM states). */
  public List<KerasTensor> applyOutputs(List<KerasTensor> inputs) {
    requireInputList(inputs);
    checkInputCount(inputs.size());
    List<Shape> shapes = new ArrayList<>();
    List<DType> dtypes = new ArrayList<>();
    for (KerasTensor t : inputs) {
      if (t == null) {
        throw new JKerasException("Layer '" + name + "' was called with a null input.");
      }
      if (t.history() == null) {
        throw new JKerasException("Layer '" + name + "' was called on " + t + ", which was not"
            + " made by Keras.input(...) or a layer call.");
      }
      shapes.add(t.shape());
      dtypes.add(t.dtype());
    }
    prepare(shapes);
    List<Shape> outShapes = computeOutputShapes(shapes);
    List<DType> outTypes = computeOutputDTypes(dtypes, outShapes.size());
    List<KerasTensor> outputs = new ArrayList<>();
    for (int i = 0; i < outShapes.size(); i++) {
      outputs.add(new KerasTensor(outShapes.get(i), outTypes.get(i), SymbolicNames.next()));
    }
    new Node(this, inputs, outputs);
    return outputs;
  }

  // ---- calling on concrete tensors ------------------------------------------------------------

  /** Computes the layer on one tensor, in inference mode; one output. */
  public Tensor apply(Tensor input) {
    return single(applyEager(java.util.Collections.singletonList(input), CallContext.INFERENCE));
  }

  /** Computes the layer on one tensor; {@code training} selects training behaviour. */
  public Tensor apply(Tensor input, boolean training) {
    return single(applyEager(java.util.Collections.singletonList(input),
        CallContext.of(training)));
  }

  /** Computes the layer on concrete tensors and returns every output. */
  public List<Tensor> applyEager(List<Tensor> inputs, CallContext context) {
    return applyEager(inputs, null, context);
  }

  /**
   * Computes the layer on concrete tensors with their masks (null, or one entry per input, null
   * for an unmasked input) and returns every output.
   */
  public List<Tensor> applyEager(List<Tensor> inputs, List<Tensor> masks, CallContext context) {
    requireInputList(inputs);
    checkInputCount(inputs.size());
    List<Shape> shapes = new ArrayList<>();
    for (Tensor t : inputs) {
      if (t == null) {
        throw new JKerasException("Layer '" + name + "' was called with a null input.");
      }
      shapes.add(t.shape());
    }
    prepare(shapes);
    boolean anyMask = masks != null && masks.stream().anyMatch(java.util.Objects::nonNull);
    return outermostClearsLosses(
        () -> anyMask ? call(inputs, masks, context) : call(inputs, context));
  }

  /**
   * Runs a call; the outermost call on this thread first clears the losses of the previous one,
   * so nested layers' losses add up within one call.
   */
  private <T> T outermostClearsLosses(java.util.function.Supplier<T> call) {
    int[] depth = CALL_DEPTH.get();
    if (depth[0] == 0) {
      clearLosses();
    }
    depth[0]++;
    try {
      return call.get();
    } finally {
      depth[0]--;
    }
  }

  /**
   * Builds the layer for these input shapes if it is not built yet, checking them as a call
   * would (wrappers such as TimeDistributed build their inner layer this way).
   */
  public void buildFor(List<Shape> inputShapes) {
    prepare(inputShapes);
  }

  /** The output shapes a call with these input shapes would give. */
  public List<Shape> outputShapesFor(List<Shape> inputShapes) {
    return computeOutputShapes(inputShapes);
  }

  /** Checks the inputs and builds the layer on its first call. */
  private void prepare(List<Shape> shapes) {
    InputSpec.checkAll(inputSpec, name, shapes);
    if (!built) {
      synchronized (buildLock) {
        if (!built) {
          try {
            build(shapes);
          } catch (org.jkeras.backend.TensorTooLargeException e) {
            throw e.forLayer("'" + name + "' (" + getClass().getSimpleName() + ")");
          }
          built = true;
        }
      }
      InputSpec.checkAll(inputSpec, name, shapes);
    }
  }

  private void requireInputList(List<?> inputs) {
    if (inputs == null) {
      throw new JKerasException("Layer '" + name + "' was called with a null list of inputs.");
    }
  }

  private void checkInputCount(int count) {
    int expected = expectedInputCount();
    if (expected >= 0 ? count != expected : count < 1) {
      throw new JKerasException("Layer '" + name + "' expects "
          + (expected >= 0 ? expected + " input" + (expected == 1 ? "" : "s") : "at least 1 input")
          + " but was called with " + count + ".");
    }
  }

  private <T> T single(List<T> outputs) {
    if (outputs.size() != 1) {
      throw new JKerasException("Layer '" + name + "' returns " + outputs.size()
          + " outputs; use applyOutputs(...) to get all of them.");
    }
    return outputs.get(0);
  }

  @Override
  public String toString() {
    return "<" + getClass().getSimpleName() + " name=" + name + ", built=" + built + ">";
  }
}
