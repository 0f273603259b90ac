package org.jkeras.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {
  @Test
  void kerasNamesGiveKerasDefaultNames() {
    String[][] cases = {{"binary_accuracy", "binary_accuracy"},
        {"categorical_accuracy", "categorical_accuracy"},
        {"sparse_categorical_accuracy", "sparse_categorical_accuracy"},
        {"top_k_categorical_accuracy", "top_k_categorical_accuracy"},
        {"sparse_top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy"},
        {"auc", "auc"}, {"precision", "precision"}, {"recall", "recall"},
        {"mse", "mean_squared_error"}, {"mean_squared_error", "mean_squared_error"},
        {"mae", "mean_absolute_error"}, {"mean_absolute_error", "mean_absolute_error"},
        {"AUC", "auc"}, {"binary_crossentropy", "binary_crossentropy"}, {"mean", "mean"}};
    for (String[] c : cases) {
      assertEquals(c[1], Metrics.get(c[0]).name(), c[0]);
    }
    assertInstanceOf(AUC.class, Metrics.get("auc"));
    Metric m = Metrics.get("mse");
    m.setName("mse");
    assertEquals("mse", m.name());
  }

  @Test
  void unknownNameListsTheValidOnes() {
    JKerasException e = assertThrows(JKerasException.class, () -> Metrics.get("acuracy"));
    assertTrue(e.getMessage().startsWith("Unknown metric: 'acuracy'. Valid names are [mean, sum, "
        + "accuracy, binary_accuracy, "), e.getMessage());
  }

  @Test
  void configsRoundTrip() {
    List<Metric> metrics = List.of(new Mean("m"), new BinaryAccuracy(0.3, "b"),
        new TopKCategoricalAccuracy(3, "t"), new SparseTopKCategoricalAccuracy(2, "s"),
        new AUC(50, "PR", "majoring", "a"),
        new AUC(3, "ROC", "interpolation", "a", List.of(0.2, 0.7), true, 2,
            new float[] {1, 2}, true),
        new Precision(List.of(0.3, 0.6), 1, "p"), new Recall(), new MeanSquaredError(),
        new RootMeanSquaredError(), new CosineSimilarity(), new LogCoshError(),
        new BinaryCrossentropy(true, 0.1, "bce"),
        new CategoricalCrossentropy(false, 0.2, -1, "cce"),
        new SparseCategoricalCrossentropy(true, 4, -1, "scce"), new KLDivergence(),
        new CategoricalAccuracy(), new SparseCategoricalAccuracy(), new Accuracy());
    for (Metric m : metrics) {
      Map<String, Object> s = Metrics.serialize(m);
      assertEquals("keras.metrics", s.get("module"));
      Metric back = Metrics.deserialize(s);
      assertEquals(m.getClass(), back.getClass());
      assertEquals(m.getConfig(), back.getConfig(), m.className());
    }
  }

  @Test
  void configsHaveKerasKeys() {
    assertEquals(Map.of("name", "binary_accuracy", "dtype", "float32", "threshold", 0.5),
        new BinaryAccuracy().getConfig());
    assertEquals(List.of("name", "dtype", "num_thresholds", "curve", "summation_method",
        "multi_label", "num_labels", "label_weights", "from_logits"),
        List.copyOf(new AUC().getConfig().keySet()));
    assertEquals(List.of("name", "dtype", "thresholds", "top_k", "class_id"),
        List.copyOf(new Precision().getConfig().keySet()));
  }
}
