package org.jkeras.layers.normalization;

import org.jkeras.layers.LayerRegistry;

/** Registers the normalization layers by Keras class name. */
public final class NormalizationLayers {
  private NormalizationLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {
    LayerRegistry.register("BatchNormalization", BatchNormalization::fromConfig);
    LayerRegistry.register("LayerNormalization", LayerNormalization::fromConfig);
  }
}
