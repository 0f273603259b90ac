package org.jkeras.layers.core;

import org.jkeras.layers.LayerRegistry;

/** Registers the core layers by Keras class name. */
public final class CoreLayers {
  private CoreLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {
    LayerRegistry.register("InputLayer", InputLayer::fromConfig);
    LayerRegistry.register("Dense", Dense::fromConfig);
    LayerRegistry.register("Embedding", Embedding::fromConfig);
    LayerRegistry.register("Activation", Activation::fromConfig);
    LayerRegistry.register("Identity", Identity::fromConfig);
    LayerRegistry.register("Masking", Masking::fromConfig);
    LayerRegistry.register("Lambda", Lambda::fromConfig);
  }
}
