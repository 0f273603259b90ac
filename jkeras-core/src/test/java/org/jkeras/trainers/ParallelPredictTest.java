package org.jkeras.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.core.Lambda;
import org.jkeras.layers.rnn.Bidirectional;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.models.Model;
import org.jkeras.ops.ConcatOps;
import org.jkeras.ops.IndexingOps;
import org.junit.jupiter.api.Test;

/**
 * predict runs independent batches on every thread at once and still returns each batch's rows
 * in place, exactly as one batch at a time computes them; a user's layer sees the batches in
 * order on the calling thread, and a stateful recurrent layer keeps them in order too.
 */
class ParallelPredictTest {
  private static final int BATCH = 8;

  @Test
  void batchesRunAtOnceGiveEachBatchsOwnRows() {
    KerasTensor x = Keras.input(6, 4);
    KerasTensor seq = new LSTM(5).returnSequences(true).apply(x);
    KerasTensor last = new LSTM(3).apply(seq);
    // An activity regularizer adds a loss on every call, from every thread.
    Model model = new Model(List.of(x), List.of(new Dense(2).activation("softmax").apply(last),
        new Dense(4).activation("relu").activityRegularizer("l2").apply(last)));
    // 23 batches and a short one at the end.
    Tensor in = Tensor.randomNormal(Shape.of(23 * BATCH + 5, 6, 4), 0f, 1f, 7);
    List<Tensor> all = model.predict(List.of(in), BATCH);
    for (int out = 0; out < 2; out++) {
      List<Tensor> one = new ArrayList<>();
      for (int from = 0; from < in.shape().dim(0); from += BATCH) {
        int rows = Math.min(BATCH, in.shape().dim(0) - from);
        Tensor batch = IndexingOps.slice(in, new int[] {from, 0, 0}, new int[] {rows, 6, 4});
        one.add(model.predict(List.of(batch), BATCH).get(out));
      }
      assertArrayEquals(ConcatOps.concatenate(one, 0).toFloatArray(),
          all.get(out).toFloatArray(), "output " + out);
    }
  }

  @Test
  void onlyModelsOfJkerasLayersWithoutCarriedStatesCountAsIndependent() {
    KerasTensor x = Keras.input(Shape.of(3, 2), "x", DType.FLOAT32, BATCH);
    assertTrue(IndependentBatches.of(new Model(x, new LSTM(4).apply(x))));
    assertFalse(IndependentBatches.of(new Model(x, new LSTM(4).stateful(true).apply(x))),
        "a stateful LSTM");
    assertFalse(IndependentBatches.of(new Model(x,
        new Bidirectional(new LSTM(4).stateful(true)).apply(x))), "a stateful LSTM, wrapped");
    KerasTensor flat = Keras.input(3);
    assertFalse(IndependentBatches.of(new Model(flat, new Recorder().apply(flat))),
        "a user's layer");
    Model inner = new Model(flat, new Dense(2).apply(new Recorder().apply(flat)));
    KerasTensor outer = Keras.input(3);
    assertFalse(IndependentBatches.of(new Model(outer, inner.apply(outer))),
        "a user's layer in a nested model");
    assertFalse(IndependentBatches.of(new Model(flat, new Lambda(t -> t).apply(flat))),
        "a Lambda: its function is the user's code");
  }

  @Test
  void aUserLayerSeesItsBatchesInOrderOnTheCallingThread() {
    Recorder recorder = new Recorder();
    KerasTensor x = Keras.input(3);
    Model model = new Model(x, new Dense(2).apply(recorder.apply(x)));
    float[] rows = new float[10 * BATCH * 3];
    for (int r = 0; r < 10 * BATCH; r++) {
      rows[r * 3] = r;
    }
    model.predict(List.of(Tensor.wrap(rows, Shape.of(10 * BATCH, 3))), BATCH);
    assertEquals(10, recorder.firstRows.size());
    for (int b = 0; b < 10; b++) {
      assertEquals(b * BATCH, recorder.firstRows.get(b), 0f, "call " + b);
      assertEquals(Thread.currentThread(), recorder.threads.get(b), "call " + b);
    }
  }

  @Test
  void aLambdasFunctionSeesItsBatchesInOrderOnTheCallingThread() {
    List<Float> firstRows = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    KerasTensor x = Keras.input(3);
    Lambda lambda = new Lambda(t -> {
      firstRows.add(t.getFloat(0, 0));
      threads.add(Thread.currentThread());
      return t;
    });
    Model model = new Model(x, new Dense(2).apply(lambda.apply(x)));
    float[] rows = new float[10 * BATCH * 3];
    for (int r = 0; r < 10 * BATCH; r++) {
      rows[r * 3] = r;
    }
    model.predict(List.of(Tensor.wrap(rows, Shape.of(10 * BATCH, 3))), BATCH);
    assertEquals(10, firstRows.size());
    for (int b = 0; b < 10; b++) {
      assertEquals(b * BATCH, firstRows.get(b), 0f, "call " + b);
      assertEquals(Thread.currentThread(), threads.get(b), "call " + b);
    }
  }

  /** Passes its input through, noting each call's first value and thread. */
  private static final class Recorder extends Layer {
    final List<Float> firstRows = new ArrayList<>();
    final List<Thread> threads = new ArrayList<>();

    @Override
    protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
      return inputShapes;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
      firstRows.add(inputs.get(0).getFloat(0, 0));
      threads.add(Thread.currentThread());
      return inputs;
    }
  }
}
