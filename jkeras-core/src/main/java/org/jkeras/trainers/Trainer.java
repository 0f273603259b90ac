package org.jkeras.trainers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.SeedGenerator;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.callbacks.Callback;
import org.jkeras.callbacks.History;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.layers.CallContext;
import org.jkeras.models.Model;
import org.jkeras.ops.ConcatOps;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.MathOps;
import org.jkeras.utils.ProgressBar;

/**
 * Keras's training loop for one compiled model: {@code fit}, {@code evaluate}, {@code predict}
 * and their one-batch forms. Each training step runs the model in training mode under a
 * {@link GradientTape}, adds the weighted output losses and the layers' own losses, and lets the
 * optimizer update the trainable weights; metrics see the predictions made before the update.
 */
public final class Trainer {
  private final Model model;
  private final CompiledModel compiled;
  private final java.io.PrintStream out;

  public Trainer(Model model, CompiledModel compiled, java.io.PrintStream out) {
    this.model = model;
    this.compiled = compiled;
    this.out = out;
  }

  // ---- one batch ------------------------------------------------------------------------------

  /** One training step; returns the logs computed before the update. */
  public Map<String, Double> trainOnBatch(Batch batch) {
    compiled.resetMetrics();
    trainStep(batch);
    return compiled.logs();
  }

  private void trainStep(Batch batch) {
    checkBatch(batch, true);
    List<Variable> vars = model.trainableWeights();
    List<Tensor> grads;
    List<Tensor> predictions;
    Tensor loss;
    try (GradientTape tape = new GradientTape()) {
      predictions = model.applyEager(batch.inputs(), CallContext.TRAINING);
      loss = compiled.totalLoss(batch.targets(), predictions, batch.sampleWeight());
      for (Tensor extra : model.losses()) {
        loss = MathOps.add(loss, extra);
      }
      grads = tape.gradient(loss, vars);
    }
    compiled.optimizer.applyGradients(grads, vars);
    compiled.lossTracker.update(loss.item(), batch.size());
    compiled.updateMetrics(batch.targets(), predictions, batch.sampleWeight());
  }

  /** One evaluation step; returns the logs of that batch alone. */
  public Map<String, Double> testOnBatch(Batch batch) {
    compiled.resetMetrics();
    testStep(batch);
    return compiled.logs();
  }

  private void testStep(Batch batch) {
    checkBatch(batch, true);
    List<Tensor> predictions = model.applyEager(batch.inputs(), CallContext.INFERENCE);
    Tensor loss = compiled.totalLoss(batch.targets(), predictions, batch.sampleWeight());
    for (Tensor extra : model.losses()) {
      loss = MathOps.add(loss, extra);
    }
    compiled.lossTracker.update(loss.item(), batch.size());
    compiled.updateMetrics(batch.targets(), predictions, batch.sampleWeight());
  }

  private void checkBatch(Batch batch, boolean needTargets) {
    if (batch.inputs().size() != model.inputs().size()) {
      throw new JKerasException("Model '" + model.name() + "' expects " + model.inputs().size()
          + " input(s), but it received " + batch.inputs().size() + " input tensors. Inputs"
          + " received: " + shapes(batch.inputs()));
    }
    if (needTargets && (batch.targets() == null
        || batch.targets().size() != model.outputs().size())) {
      throw new JKerasException("Model '" + model.name() + "' has " + model.outputs().size()
          + " output(s) but " + (batch.targets() == null ? "no" : batch.targets().size())
          + " target array(s) were given.");
    }
  }

  private static List<Shape> shapes(List<Tensor> ts) {
    return ts.stream().map(Tensor::shape).toList();
  }

  // ---- fit ------------------------------------------------------------------------------------

  /** Trains on in-memory arrays; returns the per-epoch history. */
  public History fit(List<Tensor> x, List<Tensor> y, FitOptions o) {
    List<Tensor> trainX = x;
    List<Tensor> trainY = y;
    Tensor weights = sampleWeights(o.sampleWeight, o.classWeight, y);
    List<Tensor> valX = o.validationX;
    List<Tensor> valY = o.validationY;
    if (o.validationSplit > 0) {
      if (valX != null) {
        throw new JKerasException("Pass either validationData or validationSplit, not both.");
      }
      int n = ArrayData.checkSampleCounts(x, y, weights);
      int splitAt = (int) Math.floor(n * (1.0 - o.validationSplit));
      if (splitAt == 0 || splitAt == n) {
        throw new JKerasException("validation_split=" + o.validationSplit + " leaves no "
            + (splitAt == 0 ? "training" : "validation") + " samples out of " + n + ".");
      }
      List<List<Tensor>> xs = ArrayData.splitAt(x, splitAt);
      List<List<Tensor>> ys = ArrayData.splitAt(y, splitAt);
      trainX = xs.get(0);
      valX = xs.get(1);
      trainY = ys.get(0);
      valY = ys.get(1);
      if (weights != null) {
        weights = ArrayData.splitAt(List.of(weights), splitAt).get(0).get(0);
      }
    }
    SeedGenerator seeds = new SeedGenerator(RandomSeeds.orNext(null));
    DataSource train = new ArrayData(trainX, trainY, weights, o.batchSize, o.shuffle, seeds);
    DataSource validation = valX == null ? null : new ArrayData(valX, valY, null,
        o.validationBatchSize != null ? o.validationBatchSize : o.batchSize, false, seeds);
    return fit(train, validation, o);
  }

  /** Trains on batches from a data source (validation may be null). */
  public History fit(DataSource train, DataSource validation, FitOptions o) {
    History history = new History();
    List<Callback> callbacks = new ArrayList<>(o.callbacks);
    callbacks.add(history);
    for (Callback c : callbacks) {
      c.setModel(model);
    }
    model.stopTraining(false);
    Map<String, Double> empty = new LinkedHashMap<>();
    callbacks.forEach(c -> c.onTrainBegin(empty));
    int steps = o.stepsPerEpoch != null ? Math.min(o.stepsPerEpoch, train.size()) : train.size();
    Map<String, Double> logs = new LinkedHashMap<>();
    for (int epoch = o.initialEpoch; epoch < o.epochs && !model.isStopTraining(); epoch++) {
      compiled.resetMetrics();
      int e = epoch;
      callbacks.forEach(c -> c.onEpochBegin(e, new LinkedHashMap<>()));
      if (o.verbose > 0) {
        out.println("Epoch " + (epoch + 1) + "/" + o.epochs);
      }
      ProgressBar bar = out == System.out ? ProgressBar.toStdout(steps, o.verbose)
          : new ProgressBar(steps, o.verbose, out, false, System::nanoTime);
      for (int step = 0; step < steps && !model.isStopTraining(); step++) {
        int s = step;
        callbacks.forEach(c -> c.onTrainBatchBegin(s, new LinkedHashMap<>()));
        trainStep(train.get(step));
        Map<String, Double> batchLogs = compiled.logs();
        callbacks.forEach(c -> c.onTrainBatchEnd(s, batchLogs));
        if (step < steps - 1) {
          bar.update(step + 1, batchLogs, false);
        }
      }
      logs = compiled.logs();
      if (validation != null && (epoch + 1 - o.initialEpoch) % o.validationFreq == 0) {
        Map<String, Double> val = evaluate(validation, 0, List.of());
        for (Map.Entry<String, Double> v : val.entrySet()) {
          logs.put("val_" + v.getKey(), v.getValue());
        }
      }
      bar.update(steps, logs, true);
      Map<String, Double> epochLogs = logs;
      callbacks.forEach(c -> c.onEpochEnd(e, epochLogs));
      train.onEpochEnd();
    }
    Map<String, Double> last = logs;
    callbacks.forEach(c -> c.onTrainEnd(last));
    return history;
  }

  // ---- evaluate and predict -------------------------------------------------------------------

  /** The loss and metrics over arrays, in batches of {@code batchSize}. */
  public Map<String, Double> evaluate(List<Tensor> x, List<Tensor> y, int batchSize, int verbose,
      List<Callback> callbacks) {
    return evaluate(new ArrayData(x, y, null, batchSize, false, new SeedGenerator(0)), verbose,
        callbacks);
  }

  Map<String, Double> evaluate(DataSource data, int verbose, List<Callback> callbacks) {
    compiled.resetMetrics();
    callbacks.forEach(c -> c.setModel(model));
    callbacks.forEach(c -> c.onTestBegin(new LinkedHashMap<>()));
    ProgressBar bar = new ProgressBar(data.size(), verbose, out, false, System::nanoTime);
    for (int step = 0; step < data.size(); step++) {
      int s = step;
      callbacks.forEach(c -> c.onTestBatchBegin(s, new LinkedHashMap<>()));
      testStep(data.get(step));
      Map<String, Double> batchLogs = compiled.logs();
      callbacks.forEach(c -> c.onTestBatchEnd(s, batchLogs));
      bar.update(step + 1, batchLogs, step == data.size() - 1);
    }
    Map<String, Double> logs = compiled.logs();
    callbacks.forEach(c -> c.onTestEnd(logs));
    return logs;
  }

  /** The model's outputs over arrays, computed in batches and joined along the batch axis. */
  public static List<Tensor> predict(Model model, List<Tensor> x, int batchSize) {
    int n = ArrayData.checkSampleCounts(x, null, null);
    ArrayData data = new ArrayData(x, null, null, batchSize, false, new SeedGenerator(0));
    List<List<Tensor>> parts = new ArrayList<>();
    for (int step = 0; step < data.size(); step++) {
      List<Tensor> outs = model.applyEager(data.get(step).inputs(), CallContext.INFERENCE);
      for (int i = 0; i < outs.size(); i++) {
        if (parts.size() <= i) {
          parts.add(new ArrayList<>());
        }
        parts.get(i).add(outs.get(i));
      }
    }
    List<Tensor> joined = new ArrayList<>();
    for (List<Tensor> p : parts) {
      joined.add(p.size() == 1 ? p.get(0) : ConcatOps.concatenate(p, 0));
    }
    if (joined.get(0).shape().dim(0) != n) {
      throw new IllegalStateException("predict produced " + joined.get(0).shape().dim(0)
          + " rows for " + n + " samples");
    }
    return joined;
  }

  // ---- sample weights -------------------------------------------------------------------------

  /**
   * Sample weights from explicit weights and/or class weights (looked up by each sample's class:
   * the integer label, or the argmax of a one-hot row), multiplied together.
   */
  static Tensor sampleWeights(Tensor sampleWeight, Map<Integer, Double> classWeight,
      List<Tensor> y) {
    if (classWeight == null || classWeight.isEmpty()) {
      return sampleWeight;
    }
    if (y.size() != 1) {
      throw new JKerasException("class_weight is only supported for models with a single output;"
          + " this one has " + y.size() + ".");
    }
    Tensor labels = y.get(0);
    Tensor classes = labels.rank() > 1 && labels.shape().dim(-1) > 1
        ? org.jkeras.ops.ReductionOps.argmax(labels, -1)
        : labels.rank() > 1 ? org.jkeras.ops.ArrayOps.reshape(labels, labels.shape().dim(0))
        : labels;
    if (classes.dtype() == DType.FLOAT32) {
      classes = MathOps.cast(classes, DType.INT32);
    }
    int maxClass = classWeight.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    float[] table = new float[maxClass + 1];
    java.util.Arrays.fill(table, 1f);
    for (Map.Entry<Integer, Double> e : classWeight.entrySet()) {
      if (e.getKey() < 0) {
        throw new JKerasException("class_weight keys must be class indices >= 0, got "
            + e.getKey() + ".");
      }
      table[e.getKey()] = (float) (double) e.getValue();
    }
    Tensor perSample = org.jkeras.ops.IndexingOps.take(Tensor.of(table), classes, 0);
    return sampleWeight == null ? perSample : MathOps.multiply(sampleWeight, perSample);
  }
}
