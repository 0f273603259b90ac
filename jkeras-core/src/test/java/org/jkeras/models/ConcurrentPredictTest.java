package org.jkeras.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.convolutional.Conv1D;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.normalization.BatchNormalization;
import org.jkeras.layers.pooling.GlobalAveragePooling1D;
import org.jkeras.layers.rnn.LSTM;
import org.junit.jupiter.api.Test;

/** predict on one model from 8 threads at once gives exactly the sequential results. */
class ConcurrentPredictTest {
  @Test
  void eightThreadsPredictLikeOne() throws Exception {
    KerasTensor x = Keras.input(12, 6);
    KerasTensor h = new Conv1D(8, 3).padding("same").activation("relu").apply(x);
    KerasTensor seq = new LSTM(8).returnSequences(true).apply(h);
    KerasTensor pooled = new GlobalAveragePooling1D().apply(new BatchNormalization().apply(seq));
    Model model = new Model(x, new Dense(3).activation("softmax").apply(pooled));
    List<Tensor> inputs = new ArrayList<>();
    List<float[]> expected = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Tensor in = Tensor.randomNormal(Shape.of(5 + i, 12, 6), 0f, 1f, i);
      inputs.add(in);
      expected.add(model.predict(in).get(0).toFloatArray());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int iter = 0; iter < 25; iter++) {
            int k = (thread + iter) % 8;
            assertArrayEquals(expected.get(k), model.predict(inputs.get(k)).get(0).toFloatArray(),
                "thread " + thread + " iteration " + iter);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
