package org.jkeras.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.History;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.trainers.FitOptions;
import org.junit.jupiter.api.Test;

/** DESIGN.md's seed example, as written, on a little random data. */
class SeedExampleTest {
  @Test
  void theSeedExampleCompilesAndRunsAsWritten() {
    Tensor dataA = Tensor.randomUniform(Shape.of(32, 280, 256), 0f, 1f, 1);
    Tensor dataB = Tensor.randomUniform(Shape.of(32, 280, 256), 0f, 1f, 2);
    Tensor labels = Tensor.randomUniform(Shape.of(32, 1), 0f, 1f, 3);
    // --- as in DESIGN.md ---
    KerasTensor tweetA = Keras.input(280, 256);
    KerasTensor tweetB = Keras.input(280, 256);
    LSTM sharedLstm = new LSTM(64);
    KerasTensor encodedA = sharedLstm.apply(tweetA);     // Keras: shared_lstm(tweet_a)
    KerasTensor encodedB = sharedLstm.apply(tweetB);     // same weights, node 1
    KerasTensor merged = Keras.concatenate(List.of(encodedA, encodedB), -1);
    KerasTensor predictions = new Dense(1).activation("sigmoid").apply(merged);
    Model model = new Model(List.of(tweetA, tweetB), predictions);
    model.compile("rmsprop", "binary_crossentropy", List.of("accuracy"));
    History h = model.fit(List.of(dataA, dataB), labels, FitOptions.epochs(10));
    assert sharedLstm.getOutputAt(0) == encodedA;
    // --- checks ---
    assertSame(encodedA, sharedLstm.getOutputAt(0));
    assertSame(encodedB, sharedLstm.getOutputAt(1));
    assertEquals(10, h.get("loss").size());
    assertEquals(10, h.get("accuracy").size());
    assertEquals(Shape.withBatch(280, 256), tweetA.shape());
  }
}
