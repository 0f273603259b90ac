package org.jkeras.layers.pooling;

import org.jkeras.layers.LayerRegistry;

/** Registers the pooling layers by Keras class name. */
public final class PoolingLayers {
  private PoolingLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {
    LayerRegistry.register("MaxPooling1D", MaxPooling1D::fromConfig);
    LayerRegistry.register("MaxPooling2D", MaxPooling2D::fromConfig);
    LayerRegistry.register("AveragePooling1D", AveragePooling1D::fromConfig);
    LayerRegistry.register("AveragePooling2D", AveragePooling2D::fromConfig);
    LayerRegistry.register("GlobalMaxPooling1D", GlobalMaxPooling1D::fromConfig);
    LayerRegistry.register("GlobalMaxPooling2D", GlobalMaxPooling2D::fromConfig);
    LayerRegistry.register("GlobalAveragePooling1D", GlobalAveragePooling1D::fromConfig);
    LayerRegistry.register("GlobalAveragePooling2D", GlobalAveragePooling2D::fromConfig);
  }
}
