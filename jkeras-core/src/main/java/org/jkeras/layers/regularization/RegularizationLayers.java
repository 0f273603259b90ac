package org.jkeras.layers.regularization;

import org.jkeras.layers.LayerRegistry;

/** Registers the regularization layers by Keras class name. */
public final class RegularizationLayers {
  private RegularizationLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {

  }
}
