package org.jkeras.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.junit.jupiter.api.Test;

/** Keras's class names, config keys and string names, and the config round trip. */
class InitializerConfigTest {
  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> seedOnly(Long seed) {
    Map<String, Object> m = new HashMap<>();
    m.put("seed", seed);
    return m;
  }

  @Test
  void classNamesAndConfigsAsKerasWritesThem() {
    Object[][] cases = {
        {new Zeros(), "Zeros", map()},
        {new Ones(), "Ones", map()},
        {new Constant(0.5), "Constant", map("value", 0.5)},
        {new Identity(2.0), "Identity", map("gain", 2.0)},
        {new GlorotUniform(), "GlorotUniform", seedOnly(null)},
        {new GlorotNormal(3L), "GlorotNormal", seedOnly(3L)},
        {new HeUniform(), "HeUniform", seedOnly(null)},
        {new HeNormal(), "HeNormal", seedOnly(null)},
        {new LecunUniform(), "LecunUniform", seedOnly(null)},
        {new LecunNormal(), "LecunNormal", seedOnly(null)},
        {new RandomNormal(), "RandomNormal", map("mean", 0.0, "stddev", 0.05, "seed", null)},
        {new RandomUniform(), "RandomUniform",
            map("minval", -0.05, "maxval", 0.05, "seed", null)},
        {new TruncatedNormal(1, 2, 9L), "TruncatedNormal",
            map("mean", 1.0, "stddev", 2.0, "seed", 9L)},
        {new VarianceScaling(), "VarianceScaling",
            map("scale", 1.0, "mode", "fan_in", "distribution", "truncated_normal", "seed", null)},
        {new Orthogonal(), "OrthogonalInitializer", map("gain", 1.0, "seed", null)},
    };
    for (Object[] c : cases) {
      Initializer init = (Initializer) c[0];
      Map<String, Object> s = Initializers.serialize(init);
      assertEquals("keras.initializers", s.get("module"));
      assertEquals(c[1], s.get("class_name"));
      assertEquals(c[2], s.get("config"), c[1] + " config");
      assertEquals(List.copyOf(((Map<?, ?>) c[2]).keySet()),
          List.copyOf(((Map<?, ?>) s.get("config")).keySet()), c[1] + " key order");
      assertTrue(s.containsKey("registered_name") && s.get("registered_name") == null);
      Initializer back = Initializers.deserialize(s);
      assertEquals(init.getClass(), back.getClass());
      assertEquals(s, Initializers.serialize(back), c[1] + " round trip");
      assertEquals(init, back, c[1] + " equal after a round trip");
    }
  }

  @Test
  void everyKerasStringName() {
    Object[][] names = {
        {"zeros", Zeros.class}, {"zero", Zeros.class}, {"ones", Ones.class},
        {"one", Ones.class}, {"constant", Constant.class}, {"identity", Identity.class},
        {"IdentityInitializer", Identity.class}, {"glorot_uniform", GlorotUniform.class},
        {"glorot_normal", GlorotNormal.class}, {"he_uniform", HeUniform.class},
        {"he_normal", HeNormal.class}, {"lecun_uniform", LecunUniform.class},
        {"lecun_normal", LecunNormal.class}, {"random_normal", RandomNormal.class},
        {"normal", RandomNormal.class}, {"random_uniform", RandomUniform.class},
        {"uniform", RandomUniform.class}, {"truncated_normal", TruncatedNormal.class},
        {"variance_scaling", VarianceScaling.class}, {"orthogonal", Orthogonal.class},
        {"Orthogonal", Orthogonal.class}, {"OrthogonalInitializer", Orthogonal.class},
        {"orthogonal_initializer", Orthogonal.class}, {"GlorotNormal", GlorotNormal.class},
        {"HeNormal", HeNormal.class},
    };
    for (Object[] n : names) {
      assertInstanceOf((Class<?>) n[1], Initializers.get((String) n[0]), (String) n[0]);
    }
    assertEquals(new RandomNormal(0, 0.05, null), Initializers.get("normal"));
    assertEquals(new Constant(0), Initializers.get("constant"));
  }

  @Test
  void deserializeAcceptsKerasDictsNamesObjectsAndNull() {
    Map<String, Object> dict = map("module", "keras.initializers", "class_name",
        "VarianceScaling", "config", map("scale", 2.0, "mode", "fan_out", "distribution",
            "uniform", "seed", 5), "registered_name", null);
    VarianceScaling v = (VarianceScaling) Initializers.deserialize(dict);
    assertEquals(2.0, v.scale());
    assertEquals("fan_out", v.mode());
    assertEquals("uniform", v.distribution());
    assertEquals(5L, v.seed());
    Initializer same = new HeNormal();
    assertEquals(same, Initializers.deserialize(same));
    assertNull(Initializers.deserialize(null));
    assertInstanceOf(HeUniform.class, Initializers.deserialize("he_uniform"));
    // A Keras 2 style dict without module works too.
    assertInstanceOf(Orthogonal.class, Initializers.deserialize(
        map("class_name", "Orthogonal", "config", map("gain", 1.0, "seed", null))));
  }

  @Test
  void unknownNamesAndBadSeeds() {
    var e = assertThrows(JKerasException.class, () -> Initializers.get("glorot"));
    assertTrue(e.getMessage().startsWith("Unknown initializer: 'glorot'. Valid names are ["),
        e.getMessage());
    assertTrue(e.getMessage().contains("he_normal"), e.getMessage());
    var seed = assertThrows(JKerasException.class, () -> Initializers.deserialize(
        map("class_name", "HeNormal", "config", map("seed", 1.5))));
    assertEquals("`seed` argument should be an integer (or null for unseeded). Received:"
        + " seed=1.5", seed.getMessage());
  }
}
