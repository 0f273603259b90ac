package org.jkeras.layers.reshaping;

import org.jkeras.layers.LayerRegistry;

/** Registers the reshaping layers by Keras class name. */
public final class ReshapingLayers {
  private ReshapingLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {
    LayerRegistry.register("Flatten", Flatten::fromConfig);
  }
}
