package org.jkeras.metrics;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jkeras.config.Config;
import org.jkeras.config.KerasObjects;
import org.jkeras.config.NamedRegistry;

/**
 * Metrics by Keras's string names ({@code "binary_accuracy"}, {@code "auc"}, {@code "mse"}) and
 * class names, to and from Keras's serialized form. {@code "accuracy"} here is Keras's exact-match
 * {@code Accuracy}; compile resolves it to the right accuracy from the loss and output shape.
 */
public final class Metrics {
  private static final NamedRegistry<Metric> REGISTRY =
      new NamedRegistry<>("metric", Metric.class, "BinaryAccuracy");

  static {
    register("Mean", c -> new Mean(c.getString("name", "mean")), "mean");
    register("Sum", c -> new Sum(c.getString("name", "sum")), "sum");
    register("Accuracy", Accuracy::fromConfig, "accuracy");
    register("BinaryAccuracy", BinaryAccuracy::fromConfig, "binary_accuracy");
    register("CategoricalAccuracy", CategoricalAccuracy::fromConfig, "categorical_accuracy");
    register("SparseCategoricalAccuracy", SparseCategoricalAccuracy::fromConfig,
        "sparse_categorical_accuracy");
    register("TopKCategoricalAccuracy", TopKCategoricalAccuracy::fromConfig,
        "top_k_categorical_accuracy");
    register("SparseTopKCategoricalAccuracy", SparseTopKCategoricalAccuracy::fromConfig,
        "sparse_top_k_categorical_accuracy");
    register("AUC", AUC::fromConfig, "auc");
    register("Precision", Precision::fromConfig, "precision");
    register("Recall", Recall::fromConfig, "recall");
    register("MeanSquaredError", MeanSquaredError::fromConfig, "mean_squared_error", "mse",
        "MSE");
    register("RootMeanSquaredError", RootMeanSquaredError::fromConfig,
        "root_mean_squared_error");
    register("MeanAbsoluteError", MeanAbsoluteError::fromConfig, "mean_absolute_error", "mae",
        "MAE");
    register("MeanAbsolutePercentageError", MeanAbsolutePercentageError::fromConfig,
        "mean_absolute_percentage_error", "mape", "MAPE");
    register("MeanSquaredLogarithmicError", MeanSquaredLogarithmicError::fromConfig,
        "mean_squared_logarithmic_error", "msle", "MSLE");
    register("CosineSimilarity", CosineSimilarity::fromConfig, "cosine_similarity");
    register("LogCoshError", LogCoshError::fromConfig, "log_cosh_error");
    register("Hinge", Hinge::fromConfig, "hinge");
    register("SquaredHinge", SquaredHinge::fromConfig, "squared_hinge");
    register("CategoricalHinge", CategoricalHinge::fromConfig, "categorical_hinge");
    register("KLDivergence", KLDivergence::fromConfig, "kl_divergence");
    register("Poisson", Poisson::fromConfig, "poisson");
    register("BinaryCrossentropy", BinaryCrossentropy::fromConfig, "binary_crossentropy", "bce",
        "BCE");
    register("CategoricalCrossentropy", CategoricalCrossentropy::fromConfig,
        "categorical_crossentropy");
    register("SparseCategoricalCrossentropy", SparseCategoricalCrossentropy::fromConfig,
        "sparse_categorical_crossentropy");
  }

  private Metrics() {}

  /** Adds a metric class with its Keras string names (user metrics can register too). */
  public static void register(
      String className, Function<Config, Metric> factory, String... names) {
    REGISTRY.register(className, factory, names);
  }

  /** A fresh metric for a Keras string or class name, with Keras's defaults. */
  public static Metric get(String name) {
    return REGISTRY.get(name);
  }

  /** A metric from a string name, a serialized dict or a {@link Metric}; null gives null. */
  public static Metric deserialize(Object spec) {
    return REGISTRY.deserialize(spec);
  }

  public static Map<String, Object> serialize(Metric metric) {
    return KerasObjects.serialize("keras.metrics", metric.className(), metric.getConfig());
  }

  /** Every snake_case name {@link #get} accepts (class names work too). */
  public static List<String> names() {
    return REGISTRY.names();
  }

}
