package org.jkeras.layers.regularization;

import org.jkeras.layers.LayerRegistry;

/** Registers the regularization layers by Keras class name. */
public final class RegularizationLayers {
  private RegularizationLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {
    LayerRegistry.register("Dropout", Dropout::fromConfig);
    LayerRegistry.register("SpatialDropout1D", SpatialDropout1D::fromConfig);
    LayerRegistry.register("SpatialDropout2D", SpatialDropout2D::fromConfig);
    LayerRegistry.register("GaussianNoise", GaussianNoise::fromConfig);
    LayerRegistry.register("GaussianDropout", GaussianDropout::fromConfig);
    LayerRegistry.register("ActivityRegularization", ActivityRegularization::fromConfig);
  }
}
