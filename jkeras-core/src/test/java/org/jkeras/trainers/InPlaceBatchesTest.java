package org.jkeras.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.models.Model;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.IndexingOps;
import org.junit.jupiter.api.Test;

/**
 * Batches served in order are views of the caller's rows, read in place by a recurrent layer's
 * input projection and by Dense: each batch must see its own rows, in the shared-layer path too,
 * and training on them must equal training on copies.
 */
class InPlaceBatchesTest {
  private static Model sharedLstm() {
    KerasTensor a = Keras.input(5, 4);
    KerasTensor b = Keras.input(5, 4);
    LSTM shared = new LSTM(3);
    KerasTensor merged = Keras.concatenate(List.of(shared.apply(a), shared.apply(b)), -1);
    return new Model(List.of(a, b), new Dense(2).apply(merged));
  }

  private static Tensor rows(Tensor x, int from, int count) {
    int[] start = new int[x.rank()];
    int[] size = x.shape().dims();
    start[0] = from;
    size[0] = count;
    return IndexingOps.slice(x, start, size);
  }

  @Test
  void predictInBatchesEqualsEachSampleAlone() {
    Model m = sharedLstm();
    Tensor a = Tensor.randomNormal(Shape.of(7, 5, 4), 0f, 1f, 1);
    Tensor b = Tensor.randomNormal(Shape.of(7, 5, 4), 0f, 1f, 2);
    float[] batched = m.predict(List.of(a, b), 3).get(0).toFloatArray();
    for (int i = 0; i < 7; i++) {
      float[] alone = m.predict(List.of(rows(a, i, 1), rows(b, i, 1)), 1).get(0).toFloatArray();
      assertArrayEquals(alone, java.util.Arrays.copyOfRange(batched, 2 * i, 2 * i + 2), 1e-6f,
          "sample " + i);
    }
  }

  @Test
  void denseReadsEachBatchsOwnRows() {
    KerasTensor in = Keras.input(6);
    Model m = new Model(in, new Dense(4).activation("tanh").apply(in));
    Tensor x = Tensor.randomNormal(Shape.of(11, 6), 0f, 1f, 3);
    float[] batched = m.predict(List.of(x), 4).get(0).toFloatArray();
    for (int i = 0; i < 11; i++) {
      float[] alone = m.predict(List.of(rows(x, i, 1)), 1).get(0).toFloatArray();
      assertArrayEquals(alone, java.util.Arrays.copyOfRange(batched, 4 * i, 4 * i + 4), 1e-6f,
          "sample " + i);
    }
  }

  @Test
  void trainingOnRowsInPlaceEqualsTrainingOnCopies() {
    Tensor a = Tensor.randomNormal(Shape.of(12, 5, 4), 0f, 1f, 4);
    Tensor b = Tensor.randomNormal(Shape.of(12, 5, 4), 0f, 1f, 5);
    Tensor y = Tensor.randomNormal(Shape.of(12, 2), 0f, 1f, 6);
    RandomSeeds.set(21);
    Model inPlace = sharedLstm();
    inPlace.compile(CompileOptions.of("adam", "mse"));
    RandomSeeds.set(21);
    Model copied = sharedLstm();
    copied.compile(CompileOptions.of("adam", "mse"));
    inPlace.fit(List.of(a, b), y, FitOptions.epochs(2).batchSize(5).shuffle(false).verbose(0));
    for (int epoch = 0; epoch < 2; epoch++) {
      for (int from = 0; from < 12; from += 5) {
        int n = Math.min(5, 12 - from);
        copied.trainOnBatch(List.of(rows(a, from, n), rows(b, from, n)), rows(y, from, n));
      }
    }
    for (int i = 0; i < copied.getWeights().size(); i++) {
      assertArrayEquals(copied.getWeights().get(i).toFloatArray(),
          inPlace.getWeights().get(i).toFloatArray(), "weight " + i);
    }
  }

  @Test
  void shuffledRowsReadInPlaceGiveTheOutputsAndGradientsOfTheirCopies() {
    // Six chosen samples per input: the recurrent kernel reads each where it lies (one block
    // per sample, the threads splitting the blocks) instead of a gathered copy.
    Model m = sharedLstm();
    Tensor a = Tensor.randomNormal(Shape.of(10, 5, 4), 0f, 1f, 7);
    Tensor b = Tensor.randomNormal(Shape.of(10, 5, 4), 0f, 1f, 8);
    int[] order = {7, 2, 9, 0, 5, 3};
    Tensor va = Tensor.rowsView(a, order);
    Tensor vb = Tensor.rowsView(b, new int[] {1, 8, 4, 6, 0, 9});
    Tensor ca = Tensor.wrap(va.toFloatArray(), va.shape());
    Tensor cb = Tensor.wrap(vb.toFloatArray(), vb.shape());
    List<Tensor> inPlace = outputsAndGradients(m, va, vb);
    List<Tensor> copied = outputsAndGradients(m, ca, cb);
    assertEquals(copied.size(), inPlace.size());
    for (int i = 0; i < copied.size(); i++) {
      float[] want = copied.get(i).toFloatArray();
      float[] got = inPlace.get(i).toFloatArray();
      for (int j = 0; j < want.length; j++) {
        assertEquals(want[j], got[j], 1e-5f * Math.max(1f, Math.abs(want[j])), "part " + i);
      }
    }
  }

  /** The output, then the gradients of its sum for every weight and for the first input. */
  private static List<Tensor> outputsAndGradients(Model m, Tensor a, Tensor b) {
    try (GradientTape tape = new GradientTape()) {
      tape.watch(a);
      Tensor out = m.applyEager(List.of(a, b), CallContext.TRAINING).get(0);
      List<Tensor> sources = new java.util.ArrayList<>(m.trainableWeights());
      sources.add(a);
      List<Tensor> result = new java.util.ArrayList<>();
      result.add(out);
      result.addAll(tape.gradient(org.jkeras.ops.Ops.sum(out), sources));
      return result;
    }
  }
}
