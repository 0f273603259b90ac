package org.jkeras.saving;

import org.jkeras.backend.JKerasException;

/**
 * The bounds jkeras keeps to when it loads a model, weights or a config from a file it did not
 * write, so that a damaged or hostile file costs bounded memory and time and fails with a clear
 * error. Each limit can be raised for trusted files with a system property (named below).
 */
public final class LoadLimits {
  private LoadLimits() {}

  /**
   * Most elements in any one tensor (weight) a loaded model may create: 2^28 (1 GiB of float32)
   * unless {@code -Djkeras.load.maxTensorElements} says otherwise.
   */
  public static long maxTensorElements() {
    return property("jkeras.load.maxTensorElements", 1L << 28);
  }

  /**
   * Most bytes of JSON read from one file (config.json, metadata.json, a legacy model_config):
   * 64 MiB unless {@code -Djkeras.load.maxJsonBytes} says otherwise.
   */
  public static long maxJsonBytes() {
    return property("jkeras.load.maxJsonBytes", 64L << 20);
  }

  /** Most levels of JSON nesting in a config (Keras's own nest about 10 per nested model). */
  public static final int MAX_JSON_DEPTH = 1000;

  /** Most layers nested inside layers or models (wrappers, nested models) in one config. */
  public static final int MAX_LAYER_NESTING = 64;

  /**
   * The largest weights file (or weights entry of a .keras file) worth reading for a model with
   * {@code elements} weight elements: room for float64 weights, three optimizer slots each, and
   * 64 MiB of HDF5 structure; never more than a Java array can hold.
   */
  static long maxWeightsBytes(long elements) {
    long overhead = 64L << 20;
    long bound = elements > (Long.MAX_VALUE - overhead) / 32 ? Long.MAX_VALUE
        : overhead + elements * 32;
    return Math.min(bound, MAX_ARRAY_BYTES);
  }

  /** The longest byte array the JVM allocates. */
  static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

  private static long property(String name, long fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long v = Long.parseLong(value.trim());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new JKerasException("The system property " + name + " should be a positive whole"
        + " number; it is '" + value + "'.");
  }
}
