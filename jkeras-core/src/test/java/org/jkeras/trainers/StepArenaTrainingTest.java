package org.jkeras.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.core.Lambda;
import org.jkeras.layers.pooling.MaxPooling2D;
import org.jkeras.layers.reshaping.Flatten;
import org.jkeras.metrics.Metric;
import org.jkeras.models.Model;
import org.jkeras.optimizers.SGD;
import org.junit.jupiter.api.Test;

/**
 * Training steps reuse the arrays of their forward and backward passes (StepArena): what leaves
 * a step (the predictions the metrics see, the gradients the optimizer sees) must stay intact in
 * later steps, and a step must allocate far less than its tensors hold.
 */
class StepArenaTrainingTest {
  /** A metric that keeps every prediction it is shown, and a copy of its values. */
  private static final class KeepingMetric extends Metric {
    final List<Tensor> seen = new ArrayList<>();
    final List<float[]> copies = new ArrayList<>();

    KeepingMetric() {
      super("keeping");
    }

    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
      seen.add(yPred);
      copies.add(yPred.toFloatArray());
    }

    @Override
    public double result() {
      return 0;
    }

    @Override
    public void resetState() {}
  }

  /** An optimizer that keeps every gradient it is given, and a copy of its values. */
  private static final class KeepingSgd extends SGD {
    final List<Tensor> seen = new ArrayList<>();
    final List<float[]> copies = new ArrayList<>();

    @Override
    public void applyGradients(List<Tensor> grads, List<Variable> vars) {
      for (Tensor g : grads) {
        seen.add(g);
        copies.add(g.toFloatArray());
      }
      super.applyGradients(grads, vars);
    }
  }

  private static Model smallCnn() {
    KerasTensor in = Keras.input(12, 12, 2);
    KerasTensor h = new Conv2D(6, 3).activation("relu").apply(in);
    h = new MaxPooling2D().apply(h);
    h = new Flatten().apply(h);
    h = new Dense(8).activation("tanh").apply(h);
    return new Model(in, new Dense(3).apply(h));
  }

  @Test
  void predictionsAndGradientsThatLeaveAStepStayIntact() {
    Model m = smallCnn();
    KeepingMetric metric = new KeepingMetric();
    KeepingSgd sgd = new KeepingSgd();
    m.compile(CompileOptions.of(sgd, "mse").metrics(List.of(metric)));
    Tensor x = Tensor.randomNormal(Shape.of(40, 12, 12, 2), 0f, 1f, 1);
    Tensor y = Tensor.randomNormal(Shape.of(40, 3), 0f, 1f, 2);
    m.fit(x, y, FitOptions.epochs(3).batchSize(8).verbose(0));
    assertEquals(15, metric.seen.size());
    for (int i = 0; i < metric.seen.size(); i++) {
      assertArrayEquals(metric.copies.get(i), metric.seen.get(i).toFloatArray(), "step " + i);
    }
    assertEquals(15 * m.trainableWeights().size(), sgd.seen.size());
    for (int i = 0; i < sgd.seen.size(); i++) {
      assertArrayEquals(sgd.copies.get(i), sgd.seen.get(i).toFloatArray(), "gradient " + i);
    }
    // Evaluating shows the metric predictions that must not change either.
    int before = metric.seen.size();
    m.evaluate(x, y, 8, 0);
    for (int i = 0; i < metric.seen.size(); i++) {
      assertArrayEquals(metric.copies.get(i), metric.seen.get(i).toFloatArray(), "step " + i);
    }
    assertEquals(before + 5, metric.seen.size());
  }

  @Test
  void reusedArraysGiveTheSameTrainingAsFreshOnes() {
    // The same fit one batch per call (each trainOnBatch a step of its own, nothing reused) and
    // in one fit (every step after the first on reused arrays) ends on the same weights.
    Tensor x = Tensor.randomNormal(Shape.of(24, 12, 12, 2), 0f, 1f, 5);
    Tensor y = Tensor.randomNormal(Shape.of(24, 3), 0f, 1f, 6);
    org.jkeras.initializers.RandomSeeds.set(11);
    Model fitted = smallCnn();
    fitted.compile(CompileOptions.of("adam", "mse"));
    org.jkeras.initializers.RandomSeeds.set(11);
    Model stepped = smallCnn();
    stepped.compile(CompileOptions.of("adam", "mse"));
    fitted.fit(x, y, FitOptions.epochs(2).batchSize(8).shuffle(false).verbose(0));
    for (int epoch = 0; epoch < 2; epoch++) {
      for (int b = 0; b < 3; b++) {
        stepped.trainOnBatch(org.jkeras.ops.IndexingOps.slice(x, new int[] {8 * b, 0, 0, 0},
            new int[] {8, 12, 12, 2}), org.jkeras.ops.IndexingOps.slice(y,
            new int[] {8 * b, 0}, new int[] {8, 3}));
      }
    }
    for (int i = 0; i < fitted.getWeights().size(); i++) {
      assertArrayEquals(stepped.getWeights().get(i).toFloatArray(),
          fitted.getWeights().get(i).toFloatArray(), "weight " + i);
    }
  }

  @Test
  void onlyTheFirstTrainingStepAllocatesItsArrays() {
    // A pass-through layer after the convolution notes how many arrays the step's arena has
    // had to allocate so far; from the second step on, every array is a reused one.
    List<Long> fresh = new ArrayList<>();
    KerasTensor in = Keras.input(12, 12, 2);
    KerasTensor h = new Conv2D(6, 3).activation("relu").apply(in);
    h = new Lambda(t -> {
      fresh.add(StepArena.active().freshArrays());
      return t;
    }).apply(h);
    h = new MaxPooling2D().apply(h);
    h = new Flatten().apply(h);
    Model m = new Model(in, new Dense(3).activation("softmax").apply(h));
    m.compile(CompileOptions.of("adam", "categorical_crossentropy"));
    Tensor x = Tensor.randomNormal(Shape.of(64, 12, 12, 2), 0f, 1f, 3);
    Tensor y = org.jkeras.ops.NnOps.softmax(Tensor.randomNormal(Shape.of(64, 3), 0f, 1f, 4));
    m.fit(x, y, FitOptions.epochs(1).batchSize(8).verbose(0));
    assertEquals(8, fresh.size());
    assertTrue(fresh.get(0) > 0, "the first step's forward pass allocates its arrays");
    long firstStep = fresh.get(1) - fresh.get(0);
    // Later steps allocate only what leaves them: at most the predictions, the loss and one
    // gradient per weight (here 6 arrays, against the 30-odd a step takes).
    int leaving = 2 + m.trainableWeights().size();
    long later = fresh.get(2) - fresh.get(1);
    assertTrue(later <= leaving && later < firstStep / 4,
        "step 2 allocated " + later + " arrays, step 1 " + firstStep + ": " + fresh);
    for (int step = 3; step < 8; step++) {
      assertEquals(later, fresh.get(step) - fresh.get(step - 1), "arrays allocated by step "
          + step + ": " + fresh);
    }
  }

  @Test
  void evaluatingInBatchesOnReusedArraysMatchesOneBatch() {
    Model m = smallCnn();
    m.compile(CompileOptions.of("sgd", "mse"));
    Tensor x = Tensor.randomNormal(Shape.of(16, 12, 12, 2), 0f, 1f, 8);
    Tensor y = Tensor.randomNormal(Shape.of(16, 3), 0f, 1f, 9);
    Map<String, Double> first = m.evaluate(x, y, 4, 0);
    Map<String, Double> again = m.evaluate(x, y, 16, 0);
    assertEquals(again.get("loss"), first.get("loss"), 1e-6);
  }
}
