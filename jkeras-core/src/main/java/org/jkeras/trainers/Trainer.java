package org.jkeras.trainers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jkeras.backend.Backend;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.SeedGenerator;
import org.jkeras.backend.Shape;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.callbacks.Callback;
import org.jkeras.callbacks.History;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.layers.CallContext;
import org.jkeras.models.Model;
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
    return model.guard().session(model.name(), "trainOnBatch", () -> {
      compiled.resetMetrics();
      trainStep(batch);
      return compiled.logs();
    });
  }

  /** Forward, backward and update under the model's write lock: predictions never see half. */
  private void trainStep(Batch batch) {
    trainStep(batch, new StepArena());
  }

  /** A step of a loop, whose forward and backward passes reuse the arrays of the previous one. */
  private void trainStep(Batch batch, StepArena arena) {
    checkBatch(batch, true);
    model.guard().writing(() -> lockedTrainStep(batch, arena));
  }

  private void lockedTrainStep(Batch batch, StepArena arena) {
    List<Variable> vars = model.trainableWeights();
    arena.run(() -> {
      List<Tensor> grads;
      List<Tensor> predictions;
      Tensor loss;
      try (GradientTape tape = new GradientTape()) {
        predictions = model.applyEager(batch.inputs(), CallContext.TRAINING);
        loss = compiled.totalLoss(batch.targets(), predictions, batch.sampleWeight());
        List<Tensor> extras = model.losses();
        for (Tensor extra : extras) {
          loss = MathOps.add(loss, extra);
        }
        grads = tape.gradient(loss, vars);
        arena.keep(extras);
      }
      // What leaves the passes: the optimizer and the metrics may keep any of it.
      arena.stopTaking();
      arena.keep(predictions);
      arena.keep(loss);
      arena.keep(grads);
      compiled.optimizer.applyGradients(grads, vars);
      compiled.lossTracker.update(loss.item(), batch.size());
      compiled.updateMetrics(batch.targets(), predictions, batch.sampleWeight());
    });
  }

  /** One evaluation step; returns the logs of that batch alone. */
  public Map<String, Double> testOnBatch(Batch batch) {
    return model.guard().session(model.name(), "testOnBatch", () -> {
      compiled.resetMetrics();
      testStep(batch);
      return compiled.logs();
    });
  }

  private void testStep(Batch batch) {
    testStep(batch, new StepArena());
  }

  private void testStep(Batch batch, StepArena arena) {
    checkBatch(batch, true);
    List<Tensor> predictions = new ArrayList<>();
    arena.run(() -> {
      Tensor loss = model.guard().reading(() -> {
        predictions.addAll(model.applyEager(batch.inputs(), CallContext.INFERENCE));
        Tensor total = compiled.totalLoss(batch.targets(), predictions, batch.sampleWeight());
        List<Tensor> extras = model.losses();
        for (Tensor extra : extras) {
          total = MathOps.add(total, extra);
        }
        arena.keep(extras);
        return total;
      });
      arena.stopTaking();
      arena.keep(predictions);
      arena.keep(loss);
      compiled.lossTracker.update(loss.item(), batch.size());
      compiled.updateMetrics(batch.targets(), predictions, batch.sampleWeight());
    });
  }

  private void checkBatch(Batch batch, boolean needTargets) {
    if (batch == null || batch.inputs() == null) {
      throw new JKerasException("Model '" + model.name() + "' got a batch without inputs; a"
          + " DataSource must return a Batch with one input array per model input.");
    }
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
    ArrayData.checkSampleCounts(batch.inputs(), needTargets ? batch.targets() : null,
        batch.sampleWeight());
  }

  private static List<Shape> shapes(List<Tensor> ts) {
    return ts.stream().map(Tensor::shape).toList();
  }

  // ---- fit ------------------------------------------------------------------------------------

  /**
   * Trains on in-memory arrays; returns the per-epoch history. As Keras, {@code validationSplit}
   * takes the last rows (and their sample weights) before any shuffling, and is ignored when
   * {@code validationData} is given.
   */
  public History fit(List<Tensor> x, List<Tensor> y, FitOptions o) {
    if (o == null) {
      throw new JKerasException("fit: the options are null; pass FitOptions.defaults() or"
          + " FitOptions.epochs(n).");
    }
    return model.guard().session(model.name(), "fit", () -> fitArrays(x, y, o));
  }

  private History fitArrays(List<Tensor> x, List<Tensor> y, FitOptions o) {
    boolean classWeighted = o.classWeight != null && !o.classWeight.isEmpty();
    if (classWeighted && o.sampleWeight != null) {
      throw new JKerasException("You cannot `class_weight` and `sample_weight` at the same time.");
    }
    DataChecks.check("fit", model, compiled, x, y, o.sampleWeight, true);
    if (o.validationX != null) {
      DataChecks.check("fit (validation_data)", model, compiled, o.validationX, o.validationY,
          null, true);
    }
    if (o.checkFinite) {
      DataChecks.checkFinite("x", x);
      DataChecks.checkFinite("y", y);
      DataChecks.checkFinite("sample_weight", o.sampleWeight);
      DataChecks.checkFinite("validation x", o.validationX);
      DataChecks.checkFinite("validation y", o.validationY);
    }
    Tensor weights = o.sampleWeight;
    if (classWeighted) {
      // Each sample's weight comes from its own label, so weighting every row and serving the
      // training part equals weighting the training part.
      weights = ClassWeights.toSampleWeights(o.classWeight, y);
    }
    int splitAt = -1;
    if (o.validationSplit > 0 && o.validationX == null) {
      int n = ArrayData.checkSampleCounts(x, y, weights);
      splitAt = (int) Math.floor(n * (1.0 - o.validationSplit));
      if (splitAt == 0 || splitAt == n) {
        throw new JKerasException("Training data contains " + n + " samples, which is not"
            + " sufficient to split it into a validation and training set as specified by"
            + " validation_split=" + o.validationSplit + ". Either provide more data, or a"
            + " different value for validationSplit.");
      }
    }
    SeedGenerator seeds = new SeedGenerator(RandomSeeds.orNext(null));
    int validationBatch = o.validationBatchSize != null ? o.validationBatchSize : o.batchSize;
    DataSource train;
    DataSource validation;
    if (splitAt >= 0) {
      // Both parts read the caller's arrays in place: the first splitAt samples train, the rest
      // validate (Keras's split, without copying either part).
      train = new ArrayData(x, y, weights, o.batchSize, o.shuffle, seeds, 0, splitAt);
      validation = new ArrayData(x, y, o.sampleWeight, validationBatch, false, seeds, splitAt,
          -1);
    } else {
      train = new ArrayData(x, y, weights, o.batchSize, o.shuffle, seeds);
      validation = o.validationX == null ? null : new ArrayData(o.validationX, o.validationY,
          null, validationBatch, false, seeds);
    }
    return fit(train, validation, o);
  }

  /**
   * Trains on batches from a data source (validation may be null). With {@code stepsPerEpoch},
   * an epoch takes the next batches where the previous one stopped, as Keras's epoch iterator,
   * and the data starts over once every batch has been served.
   */
  public History fit(DataSource train, DataSource validation, FitOptions o) {
    if (train == null || o == null) {
      throw new JKerasException("fit: " + (train == null ? "no training data was given" : "the"
          + " options are null") + "; pass the data (x and y, or a DataSource) and FitOptions"
          + " such as FitOptions.defaults().");
    }
    return model.guard().session(model.name(), "fit", () -> fitSource(train, validation, o));
  }

  private History fitSource(DataSource train, DataSource validation, FitOptions o) {
    History history = new History();
    List<Callback> callbacks = new ArrayList<>(o.callbacks);
    callbacks.add(history);
    FitState state = new FitState(o.initialEpoch, train);
    for (Callback c : callbacks) {
      c.setModel(model);
      c.setFitState(state);
    }
    model.stopTraining(false);
    Map<String, Double> empty = new LinkedHashMap<>();
    // Callbacks may restore weights here (BackupAndRestore): not while another thread predicts.
    model.guard().writing(() -> callbacks.forEach(c -> c.onTrainBegin(empty)));
    state.started();
    int batches = train.size();
    int steps = o.stepsPerEpoch != null ? Math.min(o.stepsPerEpoch, batches) : batches;
    int cursor = state.cursor();
    int firstStep = state.step();
    int firstEpoch = state.epoch();
    Map<String, Double> logs = new LinkedHashMap<>();
    StepArena arena = new StepArena();
    for (int epoch = firstEpoch; epoch < o.epochs && !model.isStopTraining(); epoch++) {
      compiled.resetMetrics();
      int e = epoch;
      callbacks.forEach(c -> c.onEpochBegin(e, new LinkedHashMap<>()));
      if (o.verbose > 0 && o.epochs > 1) {
        out.println("Epoch " + (epoch + 1) + "/" + o.epochs);
      }
      ProgressBar bar = out == System.out ? ProgressBar.toStdout(steps, o.verbose)
          : new ProgressBar(steps, o.verbose, out, false, System::nanoTime);
      int from = epoch == firstEpoch ? firstStep : 0;
      for (int step = from; step < steps && cursor < batches && !model.isStopTraining(); step++) {
        int s = step;
        callbacks.forEach(c -> c.onTrainBatchBegin(s, new LinkedHashMap<>()));
        trainStep(train.get(cursor++), arena);
        state.at(epoch, step + 1, cursor);
        Map<String, Double> batchLogs = compiled.logs();
        callbacks.forEach(c -> c.onTrainBatchEnd(s, batchLogs));
        if (step < steps - 1) {
          bar.update(step + 1, batchLogs, false);
        }
      }
      if (cursor >= batches) {
        cursor = 0;
      }
      // As Keras's epoch iterator: the data hears of the epoch's end before validation.
      train.onEpochEnd();
      state.at(epoch + 1, 0, cursor);
      logs = compiled.logs();
      if (validation != null && (epoch + 1) % o.validationFreq == 0) {
        Map<String, Double> val = evaluate(validation, 0, callbacks);
        for (Map.Entry<String, Double> v : val.entrySet()) {
          logs.put("val_" + v.getKey(), v.getValue());
        }
      }
      Map<String, Double> epochLogs = logs;
      callbacks.forEach(c -> c.onEpochEnd(e, epochLogs));
      // Keras's progress bar is the last callback: it shows what the others added to the logs.
      bar.update(steps, logs, true);
    }
    Map<String, Double> last = logs;
    model.guard().writing(() -> {
      if (compiled.optimizer.built()) {
        compiled.optimizer.finalizeVariableValues(model.trainableWeights());
      }
      callbacks.forEach(c -> c.onTrainEnd(last));
    });
    return history;
  }

  // ---- evaluate and predict -------------------------------------------------------------------

  /** The loss and metrics over arrays, in batches of {@code batchSize}. */
  public Map<String, Double> evaluate(List<Tensor> x, List<Tensor> y, int batchSize, int verbose,
      List<Callback> callbacks) {
    DataChecks.check("evaluate", model, compiled, x, y, null, true);
    return evaluate(new ArrayData(x, y, null, batchSize, false, new SeedGenerator(0)), verbose,
        callbacks);
  }

  Map<String, Double> evaluate(DataSource data, int verbose, List<Callback> callbacks) {
    return model.guard().session(model.name(), "evaluate",
        () -> evaluateSource(data, verbose, callbacks));
  }

  private Map<String, Double> evaluateSource(DataSource data, int verbose,
      List<Callback> callbacks) {
    compiled.resetMetrics();
    callbacks.forEach(c -> c.setModel(model));
    callbacks.forEach(c -> c.onTestBegin(new LinkedHashMap<>()));
    ProgressBar bar = new ProgressBar(data.size(), verbose, out, false, System::nanoTime);
    StepArena arena = new StepArena();
    for (int step = 0; step < data.size(); step++) {
      int s = step;
      callbacks.forEach(c -> c.onTestBatchBegin(s, new LinkedHashMap<>()));
      testStep(data.get(step), arena);
      Map<String, Double> batchLogs = compiled.logs();
      callbacks.forEach(c -> c.onTestBatchEnd(s, batchLogs));
      bar.update(step + 1, batchLogs, step == data.size() - 1);
    }
    Map<String, Double> logs = compiled.logs();
    callbacks.forEach(c -> c.onTestEnd(logs));
    return logs;
  }

  /**
   * The model's outputs over arrays, computed in batches and joined along the batch axis. After
   * the first batch, when the batches are independent ({@link IndependentBatches}) and every
   * output has a row per sample, each CPU thread takes whole batches in turn: small models such
   * as an MLP at batch 32 then use every core (one batch's products are too small to split),
   * and larger ones stop waiting for each other at every parallel section of a batch. In 3
   * alternating runs of each benchmark model against one batch at a time: seed 2,480-2,624
   * against 2,196-2,480 samples/s, mlp 732,000-834,000 against 649,000-682,000, cnn
   * 23,800-29,900 against 25,900-28,700 (its peak RSS 310-346 against 268-278 MB: a second
   * batch's activations in flight).
   */
  public static List<Tensor> predict(Model model, List<Tensor> x, int batchSize) {
    DataChecks.check("predict", model, null, x, null, null, false);
    int n = ArrayData.checkSampleCounts(x, null, null);
    ArrayData data = new ArrayData(x, null, null, batchSize, false, new SeedGenerator(0));
    PredictedRows rows = new PredictedRows(n);
    StepArena arena = new StepArena();
    int steps = data.size();
    if (steps == 0) {
      return rows.joined();
    }
    // The first batch alone: it builds what is built on first use and shapes the outputs.
    List<Tensor> firstBatch = data.get(0).inputs();
    predictBatch(model, firstBatch, arena, outs -> rows.add(outs, rows(firstBatch)));
    if (steps > 1 && rows.rowsPerSample() && IndependentBatches.of(model)) {
      AtomicInteger next = new AtomicInteger(1);
      Thread caller = Thread.currentThread();
      Backend.current().onEachThread(() -> {
        // The calling thread keeps the first batch's arena (and its arrays); others get one.
        StepArena own = Thread.currentThread() == caller ? arena : new StepArena();
        for (int step = next.getAndIncrement(); step < steps; step = next.getAndIncrement()) {
          List<Tensor> batch = data.get(step).inputs();
          int first = step * batchSize;
          predictBatch(model, batch, own, outs -> rows.addAt(outs, first, rows(batch)));
        }
      });
    } else {
      for (int step = 1; step < steps; step++) {
        List<Tensor> batch = data.get(step).inputs();
        predictBatch(model, batch, arena, outs -> rows.add(outs, rows(batch)));
      }
    }
    return rows.joined();
  }

  /** Runs one batch in {@code arena} and hands its outputs (arena arrays) to {@code sink}. */
  private static void predictBatch(Model model, List<Tensor> batch, StepArena arena,
      Consumer<List<Tensor>> sink) {
    arena.run(() -> {
      // Each batch under the read lock: a fit in another thread steps in between.
      List<Tensor> outs = model.guard().reading(
          () -> model.applyEager(batch, CallContext.INFERENCE));
      arena.stopTaking();
      // Copies the rows out (int outputs are kept as they are, never from the arena).
      sink.accept(outs);
    });
  }

  private static int rows(List<Tensor> batch) {
    return batch.get(0).shape().dim(0);
  }
}
