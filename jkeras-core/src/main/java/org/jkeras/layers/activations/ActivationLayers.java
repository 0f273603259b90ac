package org.jkeras.layers.activations;

import org.jkeras.layers.LayerRegistry;

/** Registers the activations layers by Keras class name. */
public final class ActivationLayers {
  private ActivationLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {

  }
}
