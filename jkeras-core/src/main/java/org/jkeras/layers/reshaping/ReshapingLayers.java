package org.jkeras.layers.reshaping;

import org.jkeras.layers.LayerRegistry;

/** Registers the reshaping layers by Keras class name. */
public final class ReshapingLayers {
  private ReshapingLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {
    LayerRegistry.register("Flatten", Flatten::fromConfig);
    LayerRegistry.register("Reshape", Reshape::fromConfig);
    LayerRegistry.register("Permute", Permute::fromConfig);
    LayerRegistry.register("RepeatVector", RepeatVector::fromConfig);
    LayerRegistry.register("ZeroPadding1D", ZeroPadding1D::fromConfig);
    LayerRegistry.register("ZeroPadding2D", ZeroPadding2D::fromConfig);
    LayerRegistry.register("Cropping1D", Cropping1D::fromConfig);
    LayerRegistry.register("Cropping2D", Cropping2D::fromConfig);
    LayerRegistry.register("UpSampling1D", UpSampling1D::fromConfig);
    LayerRegistry.register("UpSampling2D", UpSampling2D::fromConfig);
  }
}
