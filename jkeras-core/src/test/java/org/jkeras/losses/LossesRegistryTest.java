package org.jkeras.losses;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

class LossesRegistryTest {
  @Test
  void kerasStringNames() {
    Map<String, Class<?>> expected = new LinkedHashMap<>();
    expected.put("binary_crossentropy", BinaryCrossentropy.class);
    expected.put("categorical_crossentropy", CategoricalCrossentropy.class);
    expected.put("sparse_categorical_crossentropy", SparseCategoricalCrossentropy.class);
    expected.put("mse", MeanSquaredError.class);
    expected.put("mean_squared_error", MeanSquaredError.class);
    expected.put("mae", MeanAbsoluteError.class);
    expected.put("mape", MeanAbsolutePercentageError.class);
    expected.put("msle", MeanSquaredLogarithmicError.class);
    expected.put("huber", Huber.class);
    expected.put("log_cosh", LogCosh.class);
    expected.put("hinge", Hinge.class);
    expected.put("squared_hinge", SquaredHinge.class);
    expected.put("categorical_hinge", CategoricalHinge.class);
    expected.put("kld", KLDivergence.class);
    expected.put("kl_divergence", KLDivergence.class);
    expected.put("poisson", Poisson.class);
    expected.put("cosine_similarity", CosineSimilarity.class);
    expected.put("BinaryCrossentropy", BinaryCrossentropy.class);
    expected.forEach((name, cls) -> assertInstanceOf(cls, Losses.get(name), name));
    assertEquals("binary_crossentropy", Losses.get("binary_crossentropy").name());
    assertEquals("mean_squared_error", Losses.get("mse").name());
    assertEquals("huber_loss", Losses.get("huber").name());
  }

  @Test
  void unknownNameListsTheValidOnes() {
    JKerasException e = assertThrows(JKerasException.class, () -> Losses.get("binary_cross"));
    assertTrue(e.getMessage().startsWith("Unknown loss: 'binary_cross'. Valid names are "
        + "[binary_crossentropy, bce, categorical_crossentropy, "), e.getMessage());
    assertTrue(e.getMessage().contains("cosine_similarity]"), e.getMessage());
  }

  @Test
  void configsRoundTrip() {
    List<Loss> losses = List.of(new BinaryCrossentropy(true, 0.1, -1, "sum", "b"),
        new CategoricalCrossentropy(false, 0.2, -1, "sum_over_batch_size", "c"),
        new SparseCategoricalCrossentropy(true, 3, -1, null, "s"),
        new Huber(0.7), new CosineSimilarity(1), new MeanSquaredError(),
        new MeanAbsoluteError(), new MeanAbsolutePercentageError(),
        new MeanSquaredLogarithmicError(), new LogCosh(), new Hinge(), new SquaredHinge(),
        new CategoricalHinge(), new KLDivergence(), new Poisson());
    for (Loss l : losses) {
      Map<String, Object> s = Losses.serialize(l);
      assertEquals("keras.losses", s.get("module"));
      Loss back = Losses.deserialize(s);
      assertEquals(l.getClass(), back.getClass());
      assertEquals(l.getConfig(), back.getConfig());
    }
  }

  @Test
  void configsHaveKerasKeys() {
    assertEquals(Map.of("name", "binary_crossentropy", "reduction", "sum_over_batch_size",
        "from_logits", false, "label_smoothing", 0.0, "axis", -1),
        new BinaryCrossentropy().getConfig());
    assertEquals(Map.of("name", "mean_squared_error", "reduction", "sum_over_batch_size"),
        new MeanSquaredError().getConfig());
    Map<String, Object> scce = new SparseCategoricalCrossentropy().getConfig();
    assertEquals(List.of("name", "reduction", "from_logits", "ignore_class", "axis"),
        List.copyOf(scce.keySet()));
    assertNull(scce.get("ignore_class"));
    assertEquals(Map.of("name", "huber_loss", "reduction", "sum_over_batch_size", "delta", 1.0),
        new Huber().getConfig());
  }

  @Test
  void deserializeAcceptsKerasForms() {
    assertInstanceOf(MeanSquaredError.class, Losses.deserialize("mse"));
    assertInstanceOf(BinaryCrossentropy.class, Losses.deserialize(Map.of("module",
        "keras.losses", "class_name", "function", "config", "binary_crossentropy")));
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("from_logits", true);
    cfg.put("reduction", null);
    Loss l = Losses.deserialize(Map.of("class_name", "BinaryCrossentropy", "config", cfg));
    assertNull(l.reduction());
    assertEquals(true, l.getConfig().get("from_logits"));
    assertNull(Losses.deserialize(null));
  }

  @Test
  void reductions() {
    Tensor t = Tensor.of(new float[] {1, 2, 3, 4}, 4, 1);
    Tensor p = Tensor.zeros(4, 1);
    Tensor w = Tensor.of(new float[] {1, 0, 2, 2});
    // Per-sample losses 1, 4, 9, 16 weighted: 1, 0, 18, 32 (sum 51, weights sum 5).
    assertClose(new double[] {51}, new MeanSquaredError("sum", "m").compute(t, p, w), 1e-6);
    assertClose(new double[] {51.0 / 4},
        new MeanSquaredError("sum_over_batch_size", "m").compute(t, p, w), 1e-6);
    assertClose(new double[] {51.0 / 4}, new MeanSquaredError("mean", "m").compute(t, p, w),
        1e-6);
    assertClose(new double[] {51.0 / 5},
        new MeanSquaredError("mean_with_sample_weight", "m").compute(t, p, w), 1e-6);
    assertClose(new double[] {1, 0, 18, 32}, new MeanSquaredError(null, "m").compute(t, p, w),
        1e-6);
    assertClose(new double[] {1, 0, 18, 32}, new MeanSquaredError("none", "m").compute(t, p, w),
        1e-6);
    assertClose(new double[] {0}, new MeanSquaredError("mean_with_sample_weight", "m")
        .compute(t, p, Tensor.zeros(4)), 0);
    JKerasException e = assertThrows(JKerasException.class,
        () -> new MeanSquaredError("average", "m"));
    assertEquals("Invalid value for argument `reduction`. Expected one of [sum_over_batch_size, "
        + "sum, null, none, mean, mean_with_sample_weight]. Received: reduction=average",
        e.getMessage());
  }

  @Test
  void masksAverageOverValidEntries() {
    Tensor t = Tensor.of(new float[] {1, 2, 3, 4}, 4, 1);
    Tensor p = Tensor.zeros(4, 1);
    Tensor mask = Tensor.ofBools(new boolean[] {true, false, true, true}, 4);
    assertClose(new double[] {(1 + 9 + 16) / 3.0},
        new MeanSquaredError().compute(t, p, null, mask), 1e-6);
    assertClose(new double[] {(1 + 18 + 16) / 3.0},
        new MeanSquaredError().compute(t, p, Tensor.of(new float[] {1, 5, 2, 1}), mask), 1e-6);
    assertClose(new double[] {1 + 9 + 16},
        new MeanSquaredError("sum", "m").compute(t, p, null, mask), 1e-6);
  }

  @Test
  void binaryCrossentropyShapeMismatchIsNamed() {
    JKerasException e = assertThrows(JKerasException.class, () -> new BinaryCrossentropy()
        .call(Tensor.zeros(2, 3), Tensor.zeros(2, 4)));
    assertEquals("binary_crossentropy: incompatible shapes (2, 3) and (2, 4): y_true and y_pred "
        + "must have the same shape", e.getMessage());
  }
}
