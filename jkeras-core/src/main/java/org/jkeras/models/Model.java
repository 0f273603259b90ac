package org.jkeras.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.graph.GraphMap;
import org.jkeras.graph.KerasTensor;
import org.jkeras.graph.Node;
import org.jkeras.graph.Operation;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;

/**
 * A functional model: the graph of layer calls between some symbolic inputs and outputs, walked
 * once at construction. A model is a layer: it can be called on new tensors (each call is a new
 * node, node 0 being its own construction), nested in other models, and shared.
 */
public class Model extends Layer {
  private List<KerasTensor> inputs;
  private List<KerasTensor> outputs;
  private List<String> outputNames;
  private GraphMap graph;
  private List<Layer> layers;
  private List<String> inputKeys;
  private org.jkeras.trainers.CompiledModel compiled;
  private volatile boolean stopTraining;
  private final org.jkeras.trainers.ModelGuard guard = new org.jkeras.trainers.ModelGuard();

  public Model(KerasTensor input, KerasTensor output) {
    this(List.of(input), List.of(output));
  }

  public Model(List<KerasTensor> inputs, KerasTensor output) {
    this(inputs, List.of(output));
  }

  /**
   * A model from inputs to named outputs; the names key outputs in losses and results. As in
   * Keras, a map's entries are ordered by name.
   */
  public Model(List<KerasTensor> inputs, Map<String, KerasTensor> outputs) {
    this(inputs, new ArrayList<>(sorted(outputs).values()),
        new ArrayList<>(sorted(outputs).keySet()));
  }

  private static Map<String, KerasTensor> sorted(Map<String, KerasTensor> m) {
    return new java.util.TreeMap<>(m);
  }

  public Model(List<KerasTensor> inputs, List<KerasTensor> outputs) {
    this(inputs, outputs, null);
  }

  /**
   * A model from named inputs to named outputs, each ordered by name as Keras orders dicts;
   * data can then be passed by those input names ({@link #apply(Map, boolean)}), and the
   * output names key losses and results.
   */
  public Model(Map<String, KerasTensor> inputs, Map<String, KerasTensor> outputs) {
    this(new ArrayList<>(sorted(inputs).values()), new ArrayList<>(sorted(outputs).values()),
        new ArrayList<>(sorted(outputs).keySet()));
    this.inputKeys = List.copyOf(sorted(inputs).keySet());
  }

  /** A model from named inputs (ordered by name, as Keras) to one output. */
  public Model(Map<String, KerasTensor> inputs, KerasTensor output) {
    this(new ArrayList<>(sorted(inputs).values()), List.of(output), null);
    this.inputKeys = List.copyOf(sorted(inputs).keySet());
  }

  private Model(List<KerasTensor> inputs, List<KerasTensor> outputs, List<String> names) {
    super("functional");
    initGraph(inputs, outputs, names);
  }

  /** For models that learn their graph later (Sequential without an input shape). */
  protected Model(String namePrefix) {
    super(namePrefix);
  }

  /** Walks the graph from {@code inputs} to {@code outputs} and takes node 0. */
  protected final void initGraph(
      List<KerasTensor> inputs, List<KerasTensor> outputs, List<String> names) {
    if (inputs.isEmpty() || outputs.isEmpty()) {
      throw new JKerasException("A model needs at least one input and one output; got "
          + inputs.size() + " inputs and " + outputs.size() + " outputs.");
    }
    for (KerasTensor in : inputs) {
      if (in.history() == null || !in.history().node().isInput()) {
        throw new JKerasException("Model inputs must come from Keras.input(...): " + in
            + " was made by layer '" + (in.history() == null ? "?" : in.history().operation()
            .name()) + "'.");
      }
    }
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.graph = GraphMap.of(this.inputs, this.outputs);
    List<Layer> ls = new ArrayList<>();
    for (Operation op : graph.operations()) {
      ls.add((Layer) op);
    }
    this.layers = Collections.unmodifiableList(ls);
    this.outputNames = names != null ? List.copyOf(names) : defaultOutputNames(this.outputs);
    markBuilt();
    if (inboundNodes().isEmpty()) {
      Node.ofConstruction(this, this.inputs, this.outputs);
    }
  }

  /** True once the model knows its graph. */
  public boolean hasGraph() {
    return graph != null;
  }

  /** Throws Keras's message when the graph is not known yet. */
  protected void requireGraph() {
    if (graph == null) {
      throw new JKerasException("This model has not yet been built. Build the model first by"
          + " calling build(...) or by calling the model on a batch of data.");
    }
  }

  private static List<String> defaultOutputNames(List<KerasTensor> outputs) {
    List<String> names = new ArrayList<>();
    for (KerasTensor t : outputs) {
      names.add(t.history().operation().name());
    }
    return names;
  }

  @Override
  public Model name(String newName) {
    super.name(newName);
    return this;
  }

  /** Keras 3 numbers a model's calls from 0; node 0 here is the construction. */
  @Override
  public int kerasNodeIndex(int nodeIndex) {
    return nodeIndex - 1;
  }

  /** Prints the summary table (as Keras's {@code model.summary()}) to standard output. */
  public void summary() {
    System.out.print(org.jkeras.utils.ModelSummary.render(this, 0));
  }

  /** The summary table as text, {@code lineLength} columns wide (0 for Keras's default). */
  public String summaryString(int lineLength) {
    return org.jkeras.utils.ModelSummary.render(this, lineLength);
  }

  /** A model owns node 0 from its construction; it can be renamed until it is called. */
  @Override
  protected boolean hasBeenCalled() {
    return inboundNodes().size() > 1;
  }

  // ---- structure --------------------------------------------------------------------------------

  public List<KerasTensor> inputs() {
    requireGraph();
    return inputs;
  }

  public List<KerasTensor> outputs() {
    requireGraph();
    return outputs;
  }

  /** The output names (the output layers' names, or the keys of a map of outputs). */
  public List<String> outputNames() {
    requireGraph();
    return outputNames;
  }

  /** The layers, input layers included, in Keras's order. */
  public List<Layer> layers() {
    requireGraph();
    return layers;
  }

  /** The layer called {@code name}. */
  public Layer getLayer(String name) {
    for (Layer l : layers()) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    List<String> names = new ArrayList<>();
    for (Layer l : layers()) {
      names.add(l.name());
    }
    throw new JKerasException("No such layer: " + name + ". Existing layers are: " + names + ".");
  }

  /** The layer at {@code index} in {@link #layers()}. */
  public Layer getLayer(int index) {
    List<Layer> all = layers();
    if (index < 0 || index >= all.size()) {
      throw new JKerasException("Was asked to retrieve layer at index " + index + " but model"
          + " only has " + all.size() + " layers.");
    }
    return all.get(index);
  }

  /** The graph, walked at construction. */
  public GraphMap graph() {
    requireGraph();
    return graph;
  }

  @Override
  public List<Variable> trainableWeights() {
    requireGraph();
    List<Variable> out = new ArrayList<>();
    if (trainable()) {
      for (Layer l : layers) {
        addUnique(out, l.trainableWeights());
      }
    }
    return out;
  }

  @Override
  public List<Variable> nonTrainableWeights() {
    requireGraph();
    List<Variable> out = new ArrayList<>();
    for (Layer l : layers) {
      addUnique(out, trainable() ? l.nonTrainableWeights() : l.weights());
    }
    return out;
  }

  /** Every weight, layer by layer, each layer's as {@link Layer#weights()} orders them. */
  @Override
  public List<Variable> weights() {
    requireGraph();
    List<Variable> out = new ArrayList<>();
    for (Layer l : layers) {
      addUnique(out, l.weights());
    }
    return out;
  }

  /** Every layer's random streams, layer by layer (nested models included), each once. */
  @Override
  public List<org.jkeras.backend.SeedGenerator> seedGenerators() {
    List<org.jkeras.backend.SeedGenerator> out = new ArrayList<>();
    for (Layer l : layers()) {
      for (org.jkeras.backend.SeedGenerator g : l.seedGenerators()) {
        if (out.stream().noneMatch(x -> x == g)) {
          out.add(g);
        }
      }
    }
    return out;
  }

  private static void addUnique(List<Variable> out, List<Variable> more) {
    for (Variable v : more) {
      if (!containsIdentity(out, v)) {
        out.add(v);
      }
    }
  }

  private static boolean containsIdentity(List<Variable> list, Variable v) {
    for (Variable x : list) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  // ---- as a layer -------------------------------------------------------------------------------

  @Override
  protected int expectedInputCount() {
    return inputs == null ? 1 : inputs.size();
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    checkInputShapes(inputShapes);
    List<Shape> shapes = new ArrayList<>();
    for (KerasTensor o : outputs) {
      shapes.add(o.shape());
    }
    return shapes;
  }

  /** Runs the graph on concrete tensors, one per input, in order. */
  @Override
  protected List<Tensor> call(List<Tensor> values, CallContext context) {
    return run(values, null, context);
  }

  @Override
  protected List<Tensor> call(List<Tensor> values, List<Tensor> masks, CallContext context) {
    return run(values, masks, context);
  }

  /** Every node in dependency order, each layer given its inputs' masks. */
  private List<Tensor> run(List<Tensor> values, List<Tensor> masks, CallContext context) {
    List<Shape> shapes = new ArrayList<>();
    for (Tensor t : values) {
      shapes.add(t.shape());
    }
    checkInputShapes(shapes);
    values = castToInputDTypes(values);
    return GraphExecutor.run(graph, inputs, outputs, values, masks, context);
  }

  /** The losses of every layer: weight penalties and those added during the last call. */
  @Override
  public List<Tensor> losses() {
    List<Tensor> out = new ArrayList<>();
    for (Layer l : layers()) {
      out.addAll(l.losses());
    }
    return out;
  }

  @Override
  public void clearLosses() {
    for (Layer l : layers()) {
      l.clearLosses();
    }
  }

  /** Runs the model on inputs given by input name (the map keys the model was built with). */
  public List<Tensor> apply(Map<String, Tensor> namedInputs, boolean training) {
    List<Tensor> ordered = new ArrayList<>();
    for (String name : inputNames()) {
      Tensor t = namedInputs.get(name);
      if (t == null) {
        throw new JKerasException("Missing data for input '" + name + "'. The model's inputs are "
            + inputNames() + " and the given names are " + namedInputs.keySet() + ".");
      }
      ordered.add(t);
    }
    if (namedInputs.size() != inputs.size()) {
      throw new JKerasException("Unknown input names " + namedInputs.keySet()
          + "; the model's inputs are " + inputNames() + ".");
    }
    return applyEager(ordered, CallContext.of(training));
  }

  /** The input names, in input order: the keys of a map of inputs, else the input layers' names. */
  public List<String> inputNames() {
    requireGraph();
    if (inputKeys != null) {
      return inputKeys;
    }
    List<String> names = new ArrayList<>();
    for (KerasTensor in : inputs) {
      names.add(in.history().operation().name());
    }
    return names;
  }

  /** The outputs by name, for models with several outputs. */
  public Map<String, Tensor> namedOutputs(List<Tensor> results) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (int i = 0; i < results.size(); i++) {
      out.put(outputNames.get(i), results.get(i));
    }
    return out;
  }

  /** Data of another dtype is cast to each input's dtype, as Keras converts a model's inputs. */
  private List<Tensor> castToInputDTypes(List<Tensor> values) {
    List<Tensor> out = null;
    for (int i = 0; i < values.size(); i++) {
      org.jkeras.backend.DType want = inputs.get(i).dtype();
      if (values.get(i).dtype() != want) {
        if (out == null) {
          out = new ArrayList<>(values);
        }
        out.set(i, org.jkeras.ops.MathOps.cast(values.get(i), want));
      }
    }
    return out == null ? values : out;
  }

  private void checkInputShapes(List<Shape> shapes) {
    for (int i = 0; i < inputs.size(); i++) {
      Shape expected = inputs.get(i).shape();
      if (!expected.isCompatibleWith(shapes.get(i))) {
        throw new JKerasException("Input " + i + " of layer \"" + name()
            + "\" is incompatible with the layer: expected shape=" + expected + ", found shape="
            + shapes.get(i));
      }
    }
  }

  // ---- training ---------------------------------------------------------------------------------

  /** Configures training with names: {@code compile("rmsprop", "binary_crossentropy", List.of("accuracy"))}. */
  public void compile(String optimizer, String loss, List<String> metrics) {
    compile(org.jkeras.trainers.CompileOptions.of(optimizer, loss).metrics(metrics));
  }

  /** Configures training with objects or names for the optimizer, loss and metrics. */
  public void compile(Object optimizer, Object loss, List<?> metrics) {
    compile(org.jkeras.trainers.CompileOptions.of(optimizer, loss).metrics(metrics));
  }

  /** Configures training: optimizer, losses and metrics per output, loss weights. */
  public void compile(org.jkeras.trainers.CompileOptions options) {
    requireGraph();
    List<Integer> lastDims = new ArrayList<>();
    for (KerasTensor o : outputs) {
      lastDims.add(o.shape().rank() == 0 ? 1 : o.shape().dim(-1));
    }
    compiled = new org.jkeras.trainers.CompiledModel(options, outputNames, lastDims);
  }

  /** True once {@link #compile} has run. */
  public boolean isCompiled() {
    return compiled != null;
  }

  /** The compiled optimizer. */
  public org.jkeras.optimizers.Optimizer optimizer() {
    return requireCompiled("using the model's optimizer").optimizer();
  }

  /** What compile resolved (losses, metrics, optimizer), or null before compile. */
  public org.jkeras.trainers.CompiledModel compiled() {
    return compiled;
  }

  private org.jkeras.trainers.CompiledModel requireCompiled(String what) {
    if (compiled == null) {
      throw new JKerasException("You must call compile() before " + what
          + ". Call model.compile(optimizer, loss, metrics) first.");
    }
    return compiled;
  }

  private org.jkeras.trainers.Trainer trainer(String method) {
    return new org.jkeras.trainers.Trainer(this, requireCompiled(method + "()"), System.out);
  }

  /**
   * Trains the model on {@code x} (a Tensor, a list in input order, or a map by input name) and
   * {@code y} (likewise by output) with Keras's fit options; returns the per-epoch history.
   */
  public org.jkeras.callbacks.History fit(Object x, Object y,
      org.jkeras.trainers.FitOptions options) {
    return trainer("fit").fit(org.jkeras.trainers.ModelData.ordered(x, inputNames(), "input"),
        org.jkeras.trainers.ModelData.ordered(y, outputNames(), "output"), options);
  }

  /** Trains on batches from a data source, with optional validation batches. */
  public org.jkeras.callbacks.History fit(org.jkeras.trainers.DataSource data,
      org.jkeras.trainers.DataSource validation, org.jkeras.trainers.FitOptions options) {
    return trainer("fit").fit(data, validation, options);
  }

  /** The loss and metrics on {@code x}, {@code y} (batch size 32, silent). */
  public Map<String, Double> evaluate(Object x, Object y) {
    return evaluate(x, y, 32, 0);
  }

  public Map<String, Double> evaluate(Object x, Object y, int batchSize, int verbose) {
    return trainer("evaluate").evaluate(org.jkeras.trainers.ModelData.ordered(x, inputNames(), "input"),
        org.jkeras.trainers.ModelData.ordered(y, outputNames(), "output"), batchSize, verbose,
        List.of());
  }

  /** The outputs for {@code x} (one tensor per output), in batches of 32. */
  public List<Tensor> predict(Object x) {
    return predict(x, 32);
  }

  public List<Tensor> predict(Object x, int batchSize) {
    return org.jkeras.trainers.Trainer.predict(this,
        org.jkeras.trainers.ModelData.ordered(x, inputNames(), "input"), batchSize);
  }

  /** One training step on one batch; the logs are computed before the update. */
  public Map<String, Double> trainOnBatch(Object x, Object y) {
    return trainer("trainOnBatch").trainOnBatch(new org.jkeras.trainers.Batch(
        org.jkeras.trainers.ModelData.ordered(x, inputNames(), "input"),
        org.jkeras.trainers.ModelData.ordered(y, outputNames(), "output")));
  }

  public Map<String, Double> testOnBatch(Object x, Object y) {
    return trainer("testOnBatch").testOnBatch(new org.jkeras.trainers.Batch(
        org.jkeras.trainers.ModelData.ordered(x, inputNames(), "input"),
        org.jkeras.trainers.ModelData.ordered(y, outputNames(), "output")));
  }

  public List<Tensor> predictOnBatch(Object x) {
    List<Tensor> inputs = org.jkeras.trainers.ModelData.ordered(x, inputNames(), "input");
    return guard.reading(() -> applyEager(inputs, CallContext.INFERENCE));
  }

  /**
   * The lock that lets one thread train this model while others predict with it (see
   * {@link org.jkeras.trainers.ModelGuard}).
   */
  public org.jkeras.trainers.ModelGuard guard() {
    return guard;
  }

  /** Asks {@code fit} to stop after the current batch (callbacks use this). */
  public void stopTraining(boolean value) {
    stopTraining = value;
  }

  public boolean isStopTraining() {
    return stopTraining;
  }

  // ---- saving: configs, .keras files, weights files (org.jkeras.saving) ------------------------

  /** The model's config in Keras 3's functional schema (layers, inbound_nodes, inputs/outputs). */
  @Override
  public Map<String, Object> getConfig() {
    return org.jkeras.saving.FunctionalConfig.get(this);
  }

  /**
   * A model rebuilt from a config: a functional or Sequential config as {@link #getConfig}
   * gives, or a full serialized model dict (with {@code class_name}). Weights are new.
   */
  public static Model fromConfig(Map<String, Object> config) {
    return org.jkeras.saving.ModelSerialization.fromInnerConfig(config);
  }

  /** The serialized model as JSON (Keras's {@code model.to_json()}); read it with Keras.modelFromJson. */
  public String toJson() {
    return org.jkeras.saving.KerasJson.write(org.jkeras.saving.ModelSerialization.serialize(this));
  }

  /**
   * Saves the model to a Keras 3 {@code .keras} file: config, weights and, when compiled, the
   * compile settings and optimizer state. Python Keras and {@link org.jkeras.Keras#loadModel}
   * read it.
   */
  public void save(java.nio.file.Path path) {
    org.jkeras.saving.KerasFile.save(this, path);
  }

  /** Saves the weights (and optimizer state) to a {@code .weights.h5} file in Keras 3's layout. */
  public void saveWeights(java.nio.file.Path path) {
    org.jkeras.saving.WeightsFile.save(this, path);
  }

  /** Loads weights from a {@code .weights.h5} (or {@code .keras}) file into this model. */
  public void loadWeights(java.nio.file.Path path) {
    org.jkeras.saving.WeightsFile.load(this, path);
  }
}
