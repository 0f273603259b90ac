package org.jkeras.losses;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jkeras.config.Config;
import org.jkeras.config.KerasObjects;
import org.jkeras.config.NamedRegistry;

/**
 * Losses by Keras's string names ({@code "binary_crossentropy"}, {@code "mse"}) and class names,
 * to and from Keras's serialized form ({@code {"module": "keras.losses", "class_name", ...}}).
 */
public final class Losses {
  private static final NamedRegistry<Loss> REGISTRY =
      new NamedRegistry<>("loss", Loss.class, "BinaryCrossentropy");

  static {
    register("BinaryCrossentropy", BinaryCrossentropy::fromConfig, "binary_crossentropy", "bce",
        "BCE");
    register("CategoricalCrossentropy", CategoricalCrossentropy::fromConfig,
        "categorical_crossentropy");
    register("SparseCategoricalCrossentropy", SparseCategoricalCrossentropy::fromConfig,
        "sparse_categorical_crossentropy");
    register("MeanSquaredError", MeanSquaredError::fromConfig, "mean_squared_error", "mse",
        "MSE");
    register("MeanAbsoluteError", MeanAbsoluteError::fromConfig, "mean_absolute_error", "mae",
        "MAE");
    register("MeanAbsolutePercentageError", MeanAbsolutePercentageError::fromConfig,
        "mean_absolute_percentage_error", "mape", "MAPE");
    register("MeanSquaredLogarithmicError", MeanSquaredLogarithmicError::fromConfig,
        "mean_squared_logarithmic_error", "msle", "MSLE");
    register("Huber", Huber::fromConfig, "huber");
    register("LogCosh", LogCosh::fromConfig, "log_cosh");
    register("Hinge", Hinge::fromConfig, "hinge");
    register("SquaredHinge", SquaredHinge::fromConfig, "squared_hinge");
    register("CategoricalHinge", CategoricalHinge::fromConfig, "categorical_hinge");
    register("KLDivergence", KLDivergence::fromConfig, "kl_divergence", "kld", "KLD");
    register("Poisson", Poisson::fromConfig, "poisson");
    register("CosineSimilarity", CosineSimilarity::fromConfig, "cosine_similarity");
  }

  private Losses() {}

  /** Adds a loss class with its Keras string names (user losses can register too). */
  public static void register(
      String className, Function<Config, Loss> factory, String... names) {
    REGISTRY.register(className, factory, names);
  }

  /** The loss for a Keras string name such as {@code "mse"} or a class name, with defaults. */
  public static Loss get(String name) {
    return REGISTRY.get(name);
  }

  /**
   * A loss from a string name, a serialized dict (a class or Keras's {@code "function"} form),
   * or a {@link Loss} itself; null gives null.
   */
  public static Loss deserialize(Object spec) {
    return REGISTRY.deserialize(spec);
  }

  /** Keras's serialized form of {@code loss}. */
  public static Map<String, Object> serialize(Loss loss) {
    return KerasObjects.serialize("keras.losses", loss.className(), loss.getConfig());
  }

  /** Every string name {@link #get} accepts, in snake_case (class names work too). */
  public static List<String> names() {
    return REGISTRY.names();
  }

  /** The {@code reduction} of a config: Keras's default when absent, null when set to None. */
  static String reduction(Config config) {
    if (config.asMap().containsKey("reduction")) {
      Object v = config.raw("reduction");
      return v == null ? null : config.getString("reduction", null);
    }
    return "sum_over_batch_size";
  }

  static String name(Config config, String fallback) {
    return config.getString("name", fallback);
  }
}
