package org.jkeras.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jkeras.backend.JKerasException;
import org.jkeras.testing.KerasFixtures;
import org.junit.jupiter.api.Test;

/** Every layer config Keras wrote in the fixtures comes back unchanged through jkeras. */
class LayerConfigRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @SuppressWarnings("unchecked")
  void fixtureConfigsRoundTripExactly() {
    Set<String> seen = new TreeSet<>();
    for (String c : new String[] {"01_shared_lstm", "02_multi_io", "04_residual", "06a_gru",
        "08_conv2d_nodes"}) {
      for (JsonNode layer : KerasFixtures.json(c, "config.json").get("layers")) {
        String cls = layer.get("class_name").asText();
        Map<String, Object> config = JSON.convertValue(layer.get("config"), Map.class);
        Layer l = LayerRegistry.fromConfig(cls, config);
        assertEquals(config, l.getConfig(), c + " " + cls);
        assertEquals(cls, LayerRegistry.serialize(l).get("class_name"));
        seen.add(cls);
      }
    }
    assertEquals(Set.of("Add", "Concatenate", "Conv2D", "Dense", "Embedding", "GRU",
        "InputLayer", "LSTM"), seen);
  }

  @Test
  void unknownClassesAreRefusedWithAHint() {
    var e = assertThrows(JKerasException.class, () -> LayerRegistry.fromConfig("MyLayer",
        Map.of()));
    assertTrue(e.getMessage().startsWith("Unknown layer class 'MyLayer'. Register it with"));
  }
}
