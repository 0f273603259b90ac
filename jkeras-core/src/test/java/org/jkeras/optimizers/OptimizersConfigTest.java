package org.jkeras.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.optimizers.schedules.CosineDecay;
import org.jkeras.testing.KerasFixtures;
import org.junit.jupiter.api.Test;

/** Optimizer names, configs and serialization against Keras's. */
class OptimizersConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fixtureConfig(String optimizer) {
    JsonNode train = KerasFixtures.json("01_shared_lstm", "train_" + optimizer + ".json");
    return JSON.convertValue(train.get("optimizer_config"), Map.class);
  }

  @Test
  void defaultsWriteExactlyTheConfigKerasWrote() {
    assertEquals(fixtureConfig("adam"), Optimizers.get("adam").getConfig());
    assertEquals(fixtureConfig("rmsprop"), Optimizers.get("rmsprop").getConfig());
    assertEquals(fixtureConfig("sgd"), new SGD(0.1).getConfig());
    // Key order matters for files written back: Keras's order.
    assertEquals(List.copyOf(fixtureConfig("adam").keySet()),
        List.copyOf(new Adam().getConfig().keySet()));
  }

  @Test
  void kerasConfigsDeserializeAndRoundTrip() {
    for (String name : List.of("sgd", "rmsprop", "adam")) {
      Map<String, Object> config = fixtureConfig(name);
      Map<String, Object> serialized = new LinkedHashMap<>();
      serialized.put("module", "keras.optimizers");
      serialized.put("class_name", name.equals("sgd") ? "SGD" : name);
      serialized.put("config", config);
      serialized.put("registered_name", null);
      Optimizer opt = Optimizers.deserialize(serialized);
      assertEquals(config, opt.getConfig(), name);
    }
  }

  @Test
  void everyOptimizerRoundTripsWithOptions() {
    List<Optimizer> all = List.of(
        new SGD(0.05, 0.9, true).setClipnorm(2.0).setName("my_sgd"),
        new RMSprop(0.002, 0.8, 0.3, 1e-6, true).setGlobalClipnorm(1.0),
        new Adam(0.003, 0.85, 0.995, 1e-6, true).setClipvalue(0.5).setWeightDecay(0.01),
        new AdamW(0.001, 0.02).setUseEma(true, 0.9, 10),
        new Adagrad(0.01, 0.2, 1e-6).setLossScaleFactor(128.0),
        new Adadelta(1.0, 0.9, 1e-6).setGradientAccumulationSteps(4),
        new Adamax(0.002, 0.8, 0.99, 1e-6),
        new Nadam(0.002, 0.8, 0.99, 1e-6),
        new Lion(new CosineDecay(0.001, 100, 0.01, 10), 0.8, 0.95));
    for (Optimizer opt : all) {
      Map<String, Object> serialized = Optimizers.serialize(opt);
      assertEquals("keras.optimizers", serialized.get("module"));
      assertEquals(opt.className(), serialized.get("class_name"));
      Optimizer back = Optimizers.deserialize(serialized);
      assertEquals(opt.getClass(), back.getClass());
      assertEquals(opt.getConfig(), back.getConfig(), opt.className());
    }
    Optimizer lion = Optimizers.deserialize(Optimizers.serialize(all.get(8)));
    assertInstanceOf(CosineDecay.class, lion.learningRateSchedule());
    assertEquals(0.001, lion.learningRate(), 1e-12);
  }

  @Test
  void namesAndClassNamesResolveCaseInsensitively() {
    Map<String, Class<?>> expected = new LinkedHashMap<>();
    expected.put("sgd", SGD.class);
    expected.put("rmsprop", RMSprop.class);
    expected.put("adam", Adam.class);
    expected.put("adamw", AdamW.class);
    expected.put("adagrad", Adagrad.class);
    expected.put("adadelta", Adadelta.class);
    expected.put("adamax", Adamax.class);
    expected.put("nadam", Nadam.class);
    expected.put("lion", Lion.class);
    expected.forEach((name, cls) -> assertEquals(cls, Optimizers.get(name).getClass()));
    assertEquals(RMSprop.class, Optimizers.get("RMSprop").getClass());
    assertEquals(AdamW.class, Optimizers.get("AdamW").getClass());
    assertEquals("SGD", Optimizers.get("sgd").name());
    assertEquals("adamw", Optimizers.get("adamw").name());
  }

  @Test
  void kerasDefaults() {
    assertEquals(0.01f, Optimizers.get("sgd").learningRate(), 0);
    for (String name : List.of("rmsprop", "adam", "adamw", "adagrad", "adadelta", "adamax",
        "nadam", "lion")) {
      assertEquals(0.001f, Optimizers.get(name).learningRate(), 0, name);
    }
    Map<String, Object> adamw = Optimizers.get("adamw").getConfig();
    assertEquals(0.004, adamw.get("weight_decay"));
    assertEquals(0.1, Optimizers.get("adagrad").getConfig().get("initial_accumulator_value"));
    assertEquals(0.95, Optimizers.get("adadelta").getConfig().get("rho"));
    assertEquals(0.99, Optimizers.get("lion").getConfig().get("beta_2"));
    assertEquals(100, Optimizers.get("rmsprop").getConfig().get("ema_overwrite_frequency"));
    assertEquals(null, Optimizers.get("adam").getConfig().get("ema_overwrite_frequency"));
  }

  @Test
  void unknownNamesListTheValidOnes() {
    JKerasException e = assertThrows(JKerasException.class, () -> Optimizers.get("adamm"));
    assertEquals("Unknown optimizer: 'adamm'. Valid names are [sgd, rmsprop, adam, adamw, "
        + "adagrad, adadelta, adamax, nadam, lion].", e.getMessage());
  }

  @Test
  void unknownConfigKeysAreRejected() {
    Map<String, Object> serialized = Map.of("class_name", "Adam",
        "config", Map.of("learning_rate", 0.01, "beta1", 0.9));
    JKerasException e = assertThrows(JKerasException.class,
        () -> Optimizers.deserialize(serialized));
    assertEquals("Adam: argument(s) not recognized: [beta1].", e.getMessage());
  }

  @Test
  void adamwConfigWithNoneWeightDecayIsRejected() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("weight_decay", null);
    JKerasException e = assertThrows(JKerasException.class,
        () -> Optimizers.deserialize(Map.of("class_name", "AdamW", "config", config)));
    assertEquals("Argument `weight_decay` must be a float. Received: weight_decay=None",
        e.getMessage());
  }
}
