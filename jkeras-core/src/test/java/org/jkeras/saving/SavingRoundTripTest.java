package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.attention.MultiHeadAttention;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.merging.Add;
import org.jkeras.layers.merging.Concatenate;
import org.jkeras.layers.normalization.BatchNormalization;
import org.jkeras.layers.normalization.LayerNormalization;
import org.jkeras.layers.pooling.GlobalAveragePooling1D;
import org.jkeras.layers.regularization.Dropout;
import org.jkeras.layers.reshaping.Flatten;
import org.jkeras.layers.rnn.Bidirectional;
import org.jkeras.layers.rnn.GRU;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.layers.rnn.SimpleRNN;
import org.jkeras.layers.rnn.TimeDistributed;
import org.jkeras.models.Model;
import org.jkeras.models.Sequential;
import org.jkeras.testing.KerasFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Models saved by jkeras load back with the same config and bit-identical predictions. */
class SavingRoundTripTest {
  @TempDir Path dir;

  static Tensor random(long seed, int... shape) {
    java.util.Random r = new java.util.Random(seed);
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return Tensor.wrap(v, Shape.of(shape));
  }

  /** Saves, loads, and checks config and predictions are identical. */
  static Model roundTrip(Model model, List<Tensor> inputs, Path file) {
    model.save(file);
    Model loaded = Keras.loadModel(file);
    assertEquals(KerasJson.write(model.getConfig()), KerasJson.write(loaded.getConfig()));
    List<Tensor> a = model.predict(inputs);
    List<Tensor> b = loaded.predict(inputs);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), "output " + i);
    }
    return loaded;
  }

  @ParameterizedTest
  @ValueSource(strings = {"01_shared_lstm", "02_multi_io", "04_residual", "06a_gru",
      "07a_batchnorm", "08_conv2d_nodes"})
  void fixtureModelsResaveAndReload(String caseName) {
    Model model = Keras.loadModel(KerasFixtures.root().resolve(caseName).resolve("model.keras"));
    Model loaded = roundTrip(model, KerasFixtures.inputs(caseName), dir.resolve("m.keras"));
    KerasFileFixtureTest.assertPredictsFixture(loaded, caseName);
  }

  @Test
  void recurrentWrappersAndAttention() {
    KerasTensor seq = Keras.input(Shape.of(4, 3), "seq");
    KerasTensor a = new Bidirectional(new LSTM(2).returnSequences(true)).apply(seq);
    KerasTensor b = new TimeDistributed(new Dense(4)).apply(seq);
    KerasTensor c = new MultiHeadAttention(2, 3).apply(List.of(b, a));
    KerasTensor d = new GRU(3).returnSequences(true).apply(c);
    KerasTensor e = new SimpleRNN(2).apply(new LayerNormalization().apply(d));
    KerasTensor f = new Dense(2).apply(new GlobalAveragePooling1D().apply(c));
    Model model = new Model(seq, new Concatenate().apply(List.of(e, f)));
    roundTrip(model, List.of(random(1, 2, 4, 3)), dir.resolve("rnn.keras"));
  }

  @Test
  void nestedModelsAndSharedLayers() {
    KerasTensor in = Keras.input(Shape.of(5), "in");
    Dense shared = new Dense(5).activation("tanh");
    Model inner = new Model(in, shared.apply(shared.apply(in))).name("inner");
    KerasTensor x = Keras.input(Shape.of(5), "x");
    KerasTensor y = Keras.input(Shape.of(5), "y");
    KerasTensor sum = new Add().apply(List.of(inner.apply(x), inner.apply(y)));
    Sequential head = new Sequential(List.of(new Dense(4), new Dropout(0.5),
        new BatchNormalization(), new Dense(1))).name("head");
    head.build(Shape.of(5));
    Model model = new Model(List.of(x, y), head.apply(sum)).name("outer");
    roundTrip(model, List.of(random(2, 3, 5), random(3, 3, 5)), dir.resolve("nested.keras"));
  }

  @Test
  void sequentialModels() {
    Sequential withInput = new Sequential();
    withInput.add(Keras.input(Shape.of(6, 6, 1), "img"));
    withInput.add(new Conv2D(2, 3, 3));
    withInput.add(new Flatten());
    withInput.add(new Dense(3).activation("softmax"));
    roundTrip(withInput, List.of(random(4, 2, 6, 6, 1)), dir.resolve("seq.keras"));
    Sequential built = new Sequential(List.of(new Dense(3), new Dense(2)));
    built.build(Shape.of(4));
    Model loaded = roundTrip(built, List.of(random(5, 2, 4)), dir.resolve("seq2.keras"));
    assertEquals(Sequential.class, loaded.getClass());
  }

  @Test
  void jsonRoundTrip() {
    KerasTensor in = Keras.input(Shape.of(3), "in");
    Model model = new Model(in, new Dense(2).name("d").apply(in));
    String json = model.toJson();
    Model back = Keras.modelFromJson(json);
    assertEquals(json, back.toJson());
    Model fromConfig = Model.fromConfig(model.getConfig());
    assertEquals(KerasJson.write(model.getConfig()), KerasJson.write(fromConfig.getConfig()));
  }
}
