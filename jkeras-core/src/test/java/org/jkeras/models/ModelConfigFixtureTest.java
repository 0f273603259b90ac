package org.jkeras.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.testing.KerasFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The config of each fixture model built in jkeras equals Keras's {@code model.get_config()}
 * (config.json): every layer's entry, its calls, and the model's inputs and outputs.
 */
class ModelConfigFixtureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Model build(String caseName) {
    if (caseName.equals("08_conv2d_nodes")) {
      KerasTensor a = Keras.input(Shape.of(32, 32, 3), "img_32");
      KerasTensor b = Keras.input(Shape.of(64, 64, 3), "img_64");
      Conv2D conv = new Conv2D(16, 3, 3).padding("same").name("shared_conv");
      return new Model(List.of(a, b), List.of(conv.apply(a), conv.apply(b))).name("conv_nodes");
    }
    return FixtureModels.build(caseName);
  }

  @ParameterizedTest
  @ValueSource(strings = {"01_shared_lstm", "02_multi_io", "04_residual", "06a_gru",
      "07a_batchnorm", "08_conv2d_nodes"})
  void configMatchesKeras(String caseName) {
    Keras.clearSession();
    JsonNode expected = KerasFixtures.json(caseName, "config.json");
    JsonNode actual = JSON.valueToTree(build(caseName).getConfig());
    assertEquals(expected.get("layers").size(), actual.get("layers").size());
    for (int i = 0; i < expected.get("layers").size(); i++) {
      assertEquals(expected.get("layers").get(i), actual.get("layers").get(i),
          caseName + " layer " + i);
    }
    assertEquals(expected.get("input_layers"), actual.get("input_layers"));
    assertEquals(expected.get("output_layers"), actual.get("output_layers"));
    assertEquals(expected.get("trainable"), actual.get("trainable"));
  }
}
