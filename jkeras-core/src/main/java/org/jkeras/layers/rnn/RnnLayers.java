package org.jkeras.layers.rnn;

import org.jkeras.layers.LayerRegistry;

/** Registers the rnn layers by Keras class name. */
public final class RnnLayers {
  private RnnLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {
    LayerRegistry.register("LSTM", LSTM::fromConfig);
    LayerRegistry.register("GRU", GRU::fromConfig);
    LayerRegistry.register("SimpleRNN", SimpleRNN::fromConfig);
    LayerRegistry.register("TimeDistributed", TimeDistributed::fromConfig);
    LayerRegistry.register("Bidirectional", Bidirectional::fromConfig);
  }
}
