package org.jkeras.layers.convolutional;

import org.jkeras.layers.LayerRegistry;

/** Registers the convolutional layers by Keras class name. */
public final class ConvolutionalLayers {
  private ConvolutionalLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {
    LayerRegistry.register("Conv1D", Conv1D::fromConfig);
    LayerRegistry.register("Conv2D", Conv2D::fromConfig);
    LayerRegistry.register("Conv2DTranspose", Conv2DTranspose::fromConfig);
    LayerRegistry.register("DepthwiseConv2D", DepthwiseConv2D::fromConfig);
    LayerRegistry.register("SeparableConv2D", SeparableConv2D::fromConfig);
  }
}
