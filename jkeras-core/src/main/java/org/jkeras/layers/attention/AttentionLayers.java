package org.jkeras.layers.attention;

import org.jkeras.layers.LayerRegistry;

/** Registers the attention layers by Keras class name. */
public final class AttentionLayers {
  private AttentionLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {
    LayerRegistry.register("Attention", Attention::fromConfig);
    LayerRegistry.register("MultiHeadAttention", MultiHeadAttention::fromConfig);
  }
}
