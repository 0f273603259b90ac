package org.jkeras.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.KerasFixtures;
import org.junit.jupiter.api.Test;

/**
 * The first-step losses Keras logged in the fixtures' {@code train_*.json}: the loss of the
 * targets against the predictions at the initial weights ({@code predict.json}).
 */
class LossFixturesTest {
  private static List<Tensor> targets(String caseName) {
    return KerasFixtures.json(caseName, "inputs.json").get("targets").valueStream()
        .map(KerasFixtures::tensor).toList();
  }

  private static double logged(String caseName, String optimizer) {
    JsonNode logs = KerasFixtures.json(caseName, "train_" + optimizer + ".json")
        .get("train_on_batch_logs");
    return logs.get("loss").asDouble();
  }

  private static void assertRelative(double expected, double actual) {
    assertEquals(expected, actual, 1e-5 * Math.abs(expected));
  }

  @Test
  void singleOutputLossesMatchKerasLogs() {
    String[][] cases = {{"01_shared_lstm", "binary_crossentropy"}, {"04_residual", "mse"},
        {"06a_gru", "mse"}};
    for (String[] c : cases) {
      Loss loss = Losses.get(c[1]);
      double got = loss.compute(targets(c[0]).get(0),
          KerasFixtures.predictions(c[0]).get(0), null).item();
      for (String opt : new String[] {"sgd", "rmsprop", "adam"}) {
        assertRelative(logged(c[0], opt), got);
      }
    }
  }

  @Test
  void multiOutputWeightedBinaryCrossentropy() {
    JsonNode parts = KerasFixtures.json("02_multi_io", "extra.json")
        .get("per_output_bce_at_initial_weights");
    List<Tensor> t = targets("02_multi_io");
    List<Tensor> p = KerasFixtures.predictions("02_multi_io");
    Loss bce = Losses.get("binary_crossentropy");
    double first = bce.compute(t.get(0), p.get(0), null).item();
    double second = bce.compute(t.get(1), p.get(1), null).item();
    assertRelative(parts.get("main_output").asDouble(), first);
    assertRelative(parts.get("aux_output").asDouble(), second);
    assertRelative(logged("02_multi_io", "sgd"), first + 0.2 * second);
  }
}
