package org.jkeras.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.normalization.BatchNormalization;
import org.jkeras.testing.KerasFixtures;
import org.junit.jupiter.api.Test;

/**
 * The {@code 07a_batchnorm} fixture: Keras's config, inference output, training-mode output and
 * moving statistics after one training-mode call, all reproduced by the Java model.
 */
class BatchNormFixtureTest {
  private static final String CASE = "07a_batchnorm";

  private static Model model() {
    KerasTensor x = Keras.input(Shape.of(6), "x");
    KerasTensor h = new Dense(8).name("dense").apply(x);
    KerasTensor n = new BatchNormalization().name("bn").apply(h);
    KerasTensor probs = new Dense(3).activation("softmax").name("probs").apply(n);
    Model m = new Model(x, probs).name("batchnorm_model");
    m.setWeights(KerasFixtures.initialWeights(CASE));
    return m;
  }

  private static void assertCloseRelative(String what, Tensor expected, Tensor got) {
    assertEquals(expected.shape(), got.shape(), what + " shape");
    for (int i = 0; i < expected.size(); i++) {
      double e = expected.getFlat(i);
      double g = got.getFlat(i);
      if (Math.abs(e - g) > 1e-5 * Math.max(1.0, Math.abs(e))) {
        fail(what + " element " + i + ": Keras " + e + ", jkeras " + g);
      }
    }
  }

  private static JsonNode layerConfig(String name) {
    for (JsonNode layer : KerasFixtures.json(CASE, "config.json").get("layers")) {
      if (layer.get("name").asText().equals(name)) {
        return layer;
      }
    }
    throw new AssertionError("no layer " + name);
  }

  @Test
  @SuppressWarnings("unchecked")
  void configRoundTripsExactly() {
    JsonNode layer = layerConfig("bn");
    assertEquals("BatchNormalization", layer.get("class_name").asText());
    Map<String, Object> keras = new ObjectMapper().convertValue(layer.get("config"), Map.class);
    Model m = model();
    assertEquals(keras, m.getLayer("bn").getConfig());
    Layer copy = LayerRegistry.fromConfig("BatchNormalization", keras);
    assertEquals(keras, copy.getConfig());
    assertEquals(List.of("gamma", "beta", "moving_mean", "moving_variance"),
        m.getLayer("bn").weights().stream().map(v -> v.name().substring(3)).toList());
  }

  @Test
  void inferenceMatchesPredict() {
    Model m = model();
    Tensor got = m.applyEager(KerasFixtures.inputs(CASE), CallContext.INFERENCE).get(0);
    assertCloseRelative("predict", KerasFixtures.predictions(CASE).get(0), got);
  }

  @Test
  void trainingModeUsesBatchStatisticsAndMovesTheMovingOnes() {
    Model m = model();
    JsonNode extra = KerasFixtures.json(CASE, "extra.json");
    List<Tensor> x = KerasFixtures.inputs(CASE);
    Tensor training = m.applyEager(x, CallContext.TRAINING).get(0);
    assertCloseRelative("training=True", KerasFixtures.tensor(extra.get("training_true_output")),
        training);
    // Keras ran training=False after that one training call: the moving statistics had moved.
    Tensor after = m.applyEager(x, CallContext.INFERENCE).get(0);
    assertCloseRelative("training=False after one training call",
        KerasFixtures.tensor(extra.get("training_false_output")), after);
    // One train_on_batch moves them exactly once too: compare with the fixture's weights after.
    BatchNormalization bn = (BatchNormalization) m.getLayer("bn");
    for (JsonNode w : KerasFixtures.json(CASE, "train_sgd.json").get("weights_after")) {
      String path = w.get("path").asText();
      if (path.equals("bn/moving_mean")) {
        assertCloseRelative(path, KerasFixtures.tensor(w), bn.movingMean());
      } else if (path.equals("bn/moving_variance")) {
        assertCloseRelative(path, KerasFixtures.tensor(w), bn.movingVariance());
      }
    }
  }
}
