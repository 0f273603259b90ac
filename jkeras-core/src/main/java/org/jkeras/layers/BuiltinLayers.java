package org.jkeras.layers;

/** The layers jkeras ships: each family registers its own in its package. */
final class BuiltinLayers {
  private BuiltinLayers() {}

  static void registerAll() {
    org.jkeras.layers.core.CoreLayers.registerAll();
    org.jkeras.layers.convolutional.ConvolutionalLayers.registerAll();
    org.jkeras.layers.pooling.PoolingLayers.registerAll();
    org.jkeras.layers.reshaping.ReshapingLayers.registerAll();
    org.jkeras.layers.merging.MergingLayers.registerAll();
    org.jkeras.layers.rnn.RnnLayers.registerAll();
    org.jkeras.layers.normalization.NormalizationLayers.registerAll();
    org.jkeras.layers.regularization.RegularizationLayers.registerAll();
    org.jkeras.layers.attention.AttentionLayers.registerAll();
    org.jkeras.layers.activations.ActivationLayers.registerAll();
  }
}
