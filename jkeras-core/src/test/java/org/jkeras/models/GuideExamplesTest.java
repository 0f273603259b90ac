package org.jkeras.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.core.Embedding;
import org.jkeras.layers.pooling.MaxPooling2D;
import org.jkeras.layers.reshaping.Flatten;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.ReductionOps;
import org.junit.jupiter.api.Test;

/** The functional API guide's examples, each built with the Java API. */
class GuideExamplesTest {
  /** The same-author model at the fixture's sizes: LSTM(4) shared over two (5, 8) inputs. */
  private static Model sameAuthorModel() {
    KerasTensor tweetA = Keras.input(Shape.of(5, 8), "tweet_a");
    KerasTensor tweetB = Keras.input(Shape.of(5, 8), "tweet_b");
    LSTM sharedLstm = new LSTM(4).name("shared_lstm");
    KerasTensor encodedA = sharedLstm.apply(tweetA);
    KerasTensor encodedB = sharedLstm.apply(tweetB);
    KerasTensor merged = new org.jkeras.layers.merging.Concatenate(-1).name("merged")
        .apply(List.of(encodedA, encodedB));
    KerasTensor predictions = new Dense(1).activation("sigmoid").name("predictions")
        .apply(merged);
    assertSame(encodedA, sharedLstm.getOutputAt(0));
    assertSame(encodedB, sharedLstm.getOutputAt(1));
    return new Model(List.of(tweetA, tweetB), predictions).name("shared_lstm_model");
  }

  @Test
  void sameAuthorModelMatchesKeras() {
    Model model = sameAuthorModel();
    KerasFixtureModelsTest.assertSummaryLikeKeras("01_shared_lstm", model);
    KerasFixtureModelsTest.assertPredictsLikeKeras("01_shared_lstm", model);
  }

  @Test
  void theSharedLstmHasOneSetOfWeightsTrainedByEitherBranch() {
    Model model = sameAuthorModel();
    LSTM lstm = (LSTM) model.getLayer("shared_lstm");
    assertEquals(3, lstm.weights().size());
    assertEquals(5, model.weights().size(), "one LSTM (3 weights) and one Dense (2)");
    assertEquals(217, model.countParams());
    var e = assertThrows(JKerasException.class, lstm::output);
    assertEquals("Layer shared_lstm has multiple inbound nodes, hence the notion of \"layer"
        + " output\" is ill-defined. Use getOutputAt(nodeIndex) instead.", e.getMessage());
    assertEquals(Shape.withBatch(5, 8), lstm.inputShape());
    Tensor a = Tensor.randomNormal(Shape.of(2, 5, 8), 0f, 1f, 1);
    Tensor zero = Tensor.zeros(2, 5, 8);
    for (int branch = 0; branch < 2; branch++) {
      List<Tensor> in = branch == 0 ? List.of(a, zero) : List.of(zero, a);
      float[] before = lstm.kernel().toFloatArray();
      try (GradientTape tape = new GradientTape()) {
        Tensor loss = ReductionOps.sum(model.applyEager(in, CallContext.TRAINING).get(0));
        Tensor g = tape.gradient(loss, lstm.kernel());
        lstm.kernel().assign(MathOps.subtract(lstm.kernel(), MathOps.multiply(g, 0.1f)));
      }
      assertFalse(Arrays.equals(before, lstm.kernel().toFloatArray()), "branch " + branch);
    }
  }

  @Test
  void multiInputMultiOutputModelMatchesKeras() {
    Model model = FixtureModels.multiIo();
    assertEquals(List.of("main_output", "aux_output"), model.outputNames());
    KerasFixtureModelsTest.assertSummaryLikeKeras("02_multi_io", model);
    KerasFixtureModelsTest.assertPredictsLikeKeras("02_multi_io", model);
  }

  @Test
  void inceptionModule() {
    KerasTensor input = Keras.input(16, 16, 3);
    KerasTensor t1 = new Conv2D(8, 1, 1).padding("same").activation("relu").apply(input);
    t1 = new Conv2D(8, 3, 3).padding("same").activation("relu").apply(t1);
    KerasTensor t2 = new Conv2D(8, 1, 1).padding("same").activation("relu").apply(input);
    t2 = new Conv2D(8, 5, 5).padding("same").activation("relu").apply(t2);
    KerasTensor t3 = new MaxPooling2D(3, 3).strides(1, 1).padding("same").apply(input);
    t3 = new Conv2D(8, 1, 1).padding("same").activation("relu").apply(t3);
    KerasTensor output = Keras.concatenate(List.of(t1, t2, t3), -1);
    assertEquals(Shape.withBatch(16, 16, 24), output.shape());
    Model model = new Model(input, output);
    Tensor y = model.apply(Tensor.randomNormal(Shape.of(2, 16, 16, 3), 0f, 1f, 2));
    assertEquals(Shape.of(2, 16, 16, 24), y.shape());
    assertEquals(8, model.layers().size(), "input, five convolutions, the pool, the concat");
  }

  @Test
  void sharedVisionModel() {
    KerasTensor digit = Keras.input(12, 12, 1);
    KerasTensor v = new Conv2D(8, 3, 3).apply(digit);
    v = new Conv2D(8, 3, 3).apply(v);
    v = new MaxPooling2D(2, 2).apply(v);
    KerasTensor out = new Flatten().apply(v);
    Model visionModel = new Model(digit, out).name("vision_model");
    assertEquals(Shape.withBatch(128), out.shape());
    KerasTensor digitA = Keras.input(12, 12, 1);
    KerasTensor digitB = Keras.input(12, 12, 1);
    KerasTensor outA = visionModel.apply(digitA);
    KerasTensor outB = visionModel.apply(digitB);
    KerasTensor concatenated = Keras.concatenate(List.of(outA, outB));
    KerasTensor prediction = new Dense(1).activation("sigmoid").apply(concatenated);
    Model classification = new Model(List.of(digitA, digitB), prediction);
    assertSame(outA, visionModel.getOutputAt(1));
    assertSame(outB, visionModel.getOutputAt(2));
    assertEquals(Shape.withBatch(12, 12, 1), visionModel.inputShape());
    assertEquals(Shape.withBatch(128), visionModel.outputShape());
    List<Variable> weights = classification.weights();
    assertEquals(6, weights.size(), "the vision model's 4 weights, once, and the Dense's 2");
    Tensor img = Tensor.randomNormal(Shape.of(3, 12, 12, 1), 0f, 1f, 4);
    Tensor p = classification.applyEager(List.of(img, img), CallContext.INFERENCE).get(0);
    assertEquals(Shape.of(3, 1), p.shape());
    assertEquals(true, classification.summaryString(160)
        .contains("vision_model[0][0], vision_model[1][0]"));
  }

  @Test
  void lstmRejectsA2dInputWithKerasMessage() {
    var e = assertThrows(JKerasException.class,
        () -> new LSTM(4).name("lstm").apply(Keras.input(8)));
    assertEquals("Input 0 of layer \"lstm\" is incompatible with the layer: expected ndim=3, found"
        + " ndim=2. Full shape received: (None, 8)", e.getMessage());
  }
}
