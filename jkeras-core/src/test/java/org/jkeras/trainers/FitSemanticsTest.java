package org.jkeras.trainers;

import static org.jkeras.trainers.TrainingTestModels.column;
import static org.jkeras.trainers.TrainingTestModels.frozenIdentity;
import static org.jkeras.trainers.TrainingTestModels.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.History;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.models.Model;
import org.jkeras.trainers.TrainingTestModels.Recorder;
import org.junit.jupiter.api.Test;

/**
 * fit's data handling as Keras's: the validation split, validation data, initial epoch, steps
 * per epoch, shuffling, data sources. A frozen identity model makes every loss computable by hand.
 */
class FitSemanticsTest {
  private static Model compiledIdentity() {
    Model model = frozenIdentity();
    model.compile(CompileOptions.of("sgd", "mse").metrics(List.of("mae")));
    return model;
  }

  @Test
  void validationSplitTakesTheLastRowsBeforeShuffling() {
    RandomSeeds.set(1);
    Model model = compiledIdentity();
    // Errors are x - y = -i: the last two rows (8, 9) are the validation set.
    History h = model.fit(range(10, 1), range(10, 2), FitOptions.epochs(3).batchSize(3)
        .validationSplit(0.2).verbose(0));
    assertEquals(List.of("loss", "mae", "val_loss", "val_mae"), List.copyOf(h.history().keySet()));
    for (int e = 0; e < 3; e++) {
      assertEquals((64 + 81) / 2.0, h.get("val_loss").get(e), 1e-4);
      assertEquals(8.5, h.get("val_mae").get(e), 1e-5);
      assertEquals(140 / 8.0, h.get("loss").get(e), 1e-4, "rows 0..7 only");
      assertEquals(3.5, h.get("mae").get(e), 1e-5);
    }
  }

  @Test
  void validationSplitAlsoSplitsTheSampleWeights() {
    Model model = compiledIdentity();
    float[] w = new float[10];
    for (int i = 0; i < 10; i++) {
      w[i] = i % 2 == 0 ? 1 : 3;
    }
    History h = model.fit(range(10, 1), range(10, 2), FitOptions.epochs(1).batchSize(8)
        .sampleWeight(Tensor.of(w)).validationSplit(0.2).verbose(0));
    // Keras's loss: sum(w l) / n; the weighted mean metric: sum(w l) / sum(w).
    assertEquals((64 * 1 + 81 * 3) / 2.0, h.get("val_loss").get(0), 1e-4);
    assertEquals((8 * 1 + 9 * 3) / 4.0, h.get("val_mae").get(0), 1e-5);
    assertEquals((56 + 84 * 3) / 8.0, h.get("loss").get(0), 1e-4);
  }

  @Test
  void validationDataIsEvaluatedAfterEveryEpochAndOverridesTheSplit() {
    Model model = compiledIdentity();
    History h = model.fit(range(6, 1), range(6, 1), FitOptions.epochs(2).verbose(0)
        .validationSplit(0.5).validationData(column(1, 2), column(4, 6)));
    assertEquals(List.of(0.0, 0.0), h.get("loss"), "the split is ignored: all rows train");
    assertEquals(List.of((9 + 16) / 2.0, (9 + 16) / 2.0), h.get("val_loss"));
    assertEquals(List.of(3.5, 3.5), h.get("val_mae"));
  }

  @Test
  void validationFreqCountsEpochsFromOneAsKeras() {
    Recorder r = new Recorder();
    compiledIdentity().fit(range(4, 1), range(4, 1), FitOptions.epochs(4).initialEpoch(1)
        .validationFreq(2).validationData(column(1), column(1)).verbose(0).callbacks(r));
    List<Boolean> validated = r.epochLogs.stream().map(l -> l.containsKey("val_loss")).toList();
    assertEquals(List.of(true, false, true), validated, "epochs 2 and 4 (one-based)");
  }

  @Test
  void initialEpochResumesTheEpochCount() {
    Recorder r = new Recorder();
    History h = compiledIdentity().fit(range(4, 1), range(4, 1), FitOptions.epochs(4)
        .initialEpoch(2).verbose(0).callbacks(r));
    assertEquals(List.of(2, 3), h.epochs());
    assertEquals(2, h.get("loss").size());
    assertEquals("epoch_begin:2", r.events.get(1));
  }

  @Test
  void shuffleFalseServesBatchesInOrder() {
    Recorder r = new Recorder();
    // Batches of one sample: each batch loss is (x_i)^2 for x = 1..5, y = 0.
    compiledIdentity().fit(column(1, 2, 3, 4, 5), Tensor.zeros(5, 1), FitOptions.epochs(2)
        .batchSize(1).shuffle(false).verbose(0).callbacks(r));
    assertSamples(List.of(1, 2, 3, 4, 5, 1, 2, 3, 4, 5), r.perBatchLosses());
  }

  @Test
  void shuffleReordersEveryEpochAndKeepsEverySample() {
    RandomSeeds.set(5);
    Recorder r = new Recorder();
    compiledIdentity().fit(column(1, 2, 3, 4, 5, 6, 7, 8), Tensor.zeros(8, 1),
        FitOptions.epochs(2).batchSize(1).verbose(0).callbacks(r));
    List<Integer> seen = samples(r.perBatchLosses());
    List<Integer> first = new ArrayList<>(seen.subList(0, 8));
    List<Integer> second = new ArrayList<>(seen.subList(8, 16));
    assertNotEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), first);
    assertNotEquals(first, second);
    first.sort(null);
    second.sort(null);
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), first);
    assertEquals(first, second);
  }

  @Test
  void stepsPerEpochContinuesThroughTheDataAcrossEpochsAsKeras() {
    Recorder r = new Recorder();
    History h = compiledIdentity().fit(column(1, 2, 3, 4, 5, 6), Tensor.zeros(6, 1),
        FitOptions.epochs(4).batchSize(1).stepsPerEpoch(2).shuffle(false).verbose(0)
        .callbacks(r));
    assertSamples(List.of(1, 2, 3, 4, 5, 6, 1, 2), r.perBatchLosses());
    assertEquals(List.of(2.5, 12.5, 30.5, 2.5), h.get("loss"));
  }

  @Test
  void aDataSourceStreamsItsBatches() {
    List<Integer> asked = new ArrayList<>();
    int[] epochsEnded = {0};
    DataSource source = new DataSource() {
      @Override
      public int size() {
        return 3;
      }

      @Override
      public Batch get(int index) {
        asked.add(index);
        return new Batch(List.of(column(index + 1, index + 1)), List.of(Tensor.zeros(2, 1)));
      }

      @Override
      public void onEpochEnd() {
        epochsEnded[0]++;
      }
    };
    Model model = compiledIdentity();
    History h = model.fit(source, null, FitOptions.epochs(2).verbose(0));
    assertEquals(List.of(0, 1, 2, 0, 1, 2), asked);
    assertEquals(2, epochsEnded[0]);
    assertEquals((1 + 4 + 9) / 3.0, h.get("loss").get(0), 1e-5);
    History v = model.fit(source, source, FitOptions.epochs(1).verbose(0));
    assertEquals((1 + 4 + 9) / 3.0, v.get("val_loss").get(0), 1e-5);
  }

  @Test
  void inputsByNameAndValidationInBatchesOfItsOwnSize() {
    org.jkeras.graph.KerasTensor a = org.jkeras.Keras.input(org.jkeras.backend.Shape.of(1), "a");
    org.jkeras.graph.KerasTensor b = org.jkeras.Keras.input(org.jkeras.backend.Shape.of(1), "b");
    org.jkeras.layers.core.Dense dense = new org.jkeras.layers.core.Dense(1).useBias(false);
    Model model = new Model(List.of(a, b), dense.apply(org.jkeras.Keras.subtract(List.of(a, b))));
    dense.setWeights(List.of(Tensor.of(new float[] {1}, 1, 1)));
    dense.trainable(false);
    model.compile(CompileOptions.of("sgd", "mse"));
    Recorder r = new Recorder();
    History h = model.fit(Map.of("b", column(1, 1, 1), "a", column(2, 3, 4)), column(0, 0, 0),
        FitOptions.epochs(1).verbose(0).validationData(List.of(column(1, 1, 1), column(1, 1, 1)),
            List.of(column(0, 0, 0))).validationBatchSize(2).callbacks(r));
    assertEquals((1 + 4 + 9) / 3.0, h.get("loss").get(0), 1e-6, "a - b with a, b by name");
    assertEquals(0.0, h.get("val_loss").get(0));
    assertEquals(2, r.events.stream().filter(e -> e.startsWith("test_batch_end")).count());
  }

  @Test
  void evaluateWeighsEachBatchBySizeLikeOneShot() {
    Model model = compiledIdentity();
    Tensor x = range(70, 1);
    Tensor y = Tensor.zeros(70, 1);
    double mse = 0;
    for (int i = 0; i < 70; i++) {
      mse += i * i / 70.0;
    }
    Map<String, Double> logs = model.evaluate(x, y, 32, 0);
    assertEquals(mse, logs.get("loss"), mse * 1e-6);
    assertEquals(34.5, logs.get("mae"), 1e-4);
    assertEquals(List.of("loss", "mae"), List.copyOf(logs.keySet()));
  }

  @Test
  void predictBatchesAndJoinsAsOneShotApply() {
    RandomSeeds.set(9);
    org.jkeras.graph.KerasTensor in = org.jkeras.Keras.input(3);
    Model model = new Model(in, new org.jkeras.layers.core.Dense(2).activation("tanh").apply(in));
    Tensor x = Tensor.randomNormal(org.jkeras.backend.Shape.of(70, 3), 0f, 1f, 4);
    Tensor batched = model.predict(x, 32).get(0);
    assertEquals(org.jkeras.backend.Shape.of(70, 2), batched.shape());
    assertArrayEquals(model.apply(x).toFloatArray(), batched.toFloatArray(), 1e-6f);
    assertArrayEquals(model.apply(x).toFloatArray(), model.predictOnBatch(x).get(0)
        .toFloatArray(), 1e-6f);
  }

  @Test
  void oneBatchMethodsReportThatBatchAlone() {
    Model model = frozenIdentity();
    model.compile(CompileOptions.of(new org.jkeras.optimizers.SGD(0.1), "mse")
        .metrics(List.of("mae")));
    Map<String, Double> test = model.testOnBatch(column(1, 2), column(0, 0));
    assertEquals(Map.of("loss", 2.5, "mae", 1.5), test);
    Map<String, Double> again = model.testOnBatch(column(3), column(0));
    assertEquals(Map.of("loss", 9.0, "mae", 3.0), again, "metrics are reset between calls");
    Map<String, Double> train = model.trainOnBatch(column(1, 2), column(0, 0));
    assertEquals(Map.of("loss", 2.5, "mae", 1.5), train);
  }

  @Test
  void trainOnBatchUpdatesWithLogsFromBeforeTheUpdate() {
    org.jkeras.graph.KerasTensor in = org.jkeras.Keras.input(1);
    org.jkeras.layers.core.Dense dense = new org.jkeras.layers.core.Dense(1).useBias(false);
    Model model = new Model(in, dense.apply(in));
    dense.setWeights(List.of(Tensor.of(new float[] {0}, 1, 1)));
    model.compile(CompileOptions.of(new org.jkeras.optimizers.SGD(0.1), "mse"));
    // loss = mean((w x - y)^2) with x = 1, y = 2: 4 at w = 0, gradient 2 (w - 2) = -4.
    assertEquals(4.0, model.trainOnBatch(column(1), column(2)).get("loss"), 1e-6);
    assertEquals(0.4f, dense.kernel().item(), 1e-6f);
  }

  private static List<Integer> samples(List<Double> batchLosses) {
    return batchLosses.stream().map(l -> (int) Math.round(Math.sqrt(l))).toList();
  }

  private static void assertSamples(List<Integer> expected, List<Double> batchLosses) {
    assertEquals(expected, samples(batchLosses), "batch losses " + batchLosses);
  }
}
