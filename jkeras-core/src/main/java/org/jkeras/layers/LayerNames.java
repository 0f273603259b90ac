package org.jkeras.layers;

import java.util.HashMap;
import java.util.Map;

/**
 * Automatic layer names as Keras makes them: the class name in snake_case, then {@code _1},
 * {@code _2}, ... for later layers of the same kind ({@code dense}, {@code dense_1}).
 */
public final class LayerNames {
  private static final Map<String, Integer> COUNTS = new HashMap<>();

  private LayerNames() {}

  /** A fresh name for {@code prefix}. */
  public static synchronized String unique(String prefix) {
    int n = COUNTS.merge(prefix, 1, Integer::sum) - 1;
    return n == 0 ? prefix : prefix + "_" + n;
  }

  /** Forgets every name given so far (Keras's {@code clear_session}). */
  public static synchronized void reset() {
    COUNTS.clear();
  }

  /** {@code "BatchNormalization"} to {@code "batch_normalization"}, {@code "Conv2D"} to {@code "conv2d"}. */
  public static String snakeCase(String className) {
    String s = className.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    s = s.replaceAll("([a-z])([A-Z])", "$1_$2");
    return s.toLowerCase(java.util.Locale.ROOT);
  }
}
