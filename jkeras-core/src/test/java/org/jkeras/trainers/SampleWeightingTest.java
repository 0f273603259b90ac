package org.jkeras.trainers;

import static org.jkeras.trainers.TrainingTestModels.column;
import static org.jkeras.trainers.TrainingTestModels.frozenIdentity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.History;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;

/**
 * Sample and class weights change the loss as Keras's: the loss is sum(w l) / n (Keras's
 * "sum_over_batch_size"), weighted metrics are sum(w v) / sum(w), and class weights apply to
 * training only.
 */
class SampleWeightingTest {
  // Frozen identity: predictions equal x; errors 1, 2, 2, 4 (squared 1, 4, 4, 16).
  private static final Tensor X = column(1, 3, 2, 5);
  private static final Tensor Y = column(0, 1, 0, 1);

  private static Model model() {
    Model model = frozenIdentity();
    model.compile(CompileOptions.of("sgd", "mse").metrics(List.of("mae")));
    return model;
  }

  @Test
  void sampleWeightsScaleEachSamplesLoss() {
    Tensor w = Tensor.of(new float[] {1, 0, 2, 0.5f});
    for (int batchSize : new int[] {4, 2}) {
      History h = model().fit(X, Y, FitOptions.epochs(1).batchSize(batchSize).shuffle(false)
          .sampleWeight(w).verbose(0));
      assertEquals((1 + 0 + 2 * 4 + 0.5 * 16) / 4, h.get("loss").get(0), 1e-6);
      assertEquals((1 + 0 + 2 * 2 + 0.5 * 4) / 3.5, h.get("mae").get(0), 1e-6);
    }
  }

  @Test
  void classWeightsWeighEachSampleByItsLabel() {
    History h = model().fit(X, Y, FitOptions.epochs(1).verbose(0)
        .classWeight(Map.of(0, 2.0, 1, 0.5)).validationData(X, Y));
    assertEquals((2 * 1 + 0.5 * 4 + 2 * 4 + 0.5 * 16) / 4, h.get("loss").get(0), 1e-6);
    assertEquals((2 * 1 + 0.5 * 2 + 2 * 2 + 0.5 * 4) / 5, h.get("mae").get(0), 1e-6);
    assertEquals((1 + 4 + 4 + 16) / 4.0, h.get("val_loss").get(0), 1e-6, "validation unweighted");
  }

  @Test
  void classWeightsOfOneHotTargetsUseTheArgmaxAndDefaultToOne() {
    KerasTensor in = Keras.input(2);
    Dense dense = new Dense(3).activation("softmax");
    Model model = new Model(in, dense.apply(in));
    dense.setWeights(List.of(Tensor.zeros(2, 3), Tensor.zeros(3)));
    dense.trainable(false);
    model.compile(CompileOptions.of("sgd", "categorical_crossentropy"));
    Tensor y = Tensor.of(new float[][] {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}, {0, 0, 1}});
    // Uniform predictions: every sample's loss is ln 3; classes 0, 2, 1, 2 weigh 1, 3, 1, 3.
    History h = model.fit(Tensor.ones(4, 2), y, FitOptions.epochs(1).verbose(0)
        .classWeight(Map.of(2, 3.0)));
    assertEquals(Math.log(3) * 8 / 4, h.get("loss").get(0), 1e-6);
  }

  @Test
  void integerLabelsAreLookedUpAsTheirClass() {
    KerasTensor in = Keras.input(2);
    Dense dense = new Dense(3).activation("softmax");
    Model model = new Model(in, dense.apply(in));
    dense.setWeights(List.of(Tensor.zeros(2, 3), Tensor.zeros(3)));
    dense.trainable(false);
    model.compile(CompileOptions.of("sgd", "sparse_categorical_crossentropy"));
    Tensor y = Tensor.ofInts(new int[] {0, 2, 1, 2}, 4);
    History h = model.fit(Tensor.ones(4, 2), y, FitOptions.epochs(1).verbose(0)
        .classWeight(Map.of(1, 0.0, 2, 0.5)));
    assertEquals(Math.log(3) * 2 / 4, h.get("loss").get(0), 1e-6);
  }
}
