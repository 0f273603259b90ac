package org.jkeras.layers.activations;

import org.jkeras.layers.LayerRegistry;

/** Registers the activations layers by Keras class name. */
public final class ActivationLayers {
  private ActivationLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {
    LayerRegistry.register("ReLU", ReLU::fromConfig);
    LayerRegistry.register("LeakyReLU", LeakyReLU::fromConfig);
    LayerRegistry.register("PReLU", PReLU::fromConfig);
    LayerRegistry.register("ELU", ELU::fromConfig);
    LayerRegistry.register("Softmax", Softmax::fromConfig);
  }
}
