package org.jkeras.layers.pooling;

import org.jkeras.config.Config;

/**
 * Global average pooling over the spatial axes (channels_last), as Keras's GlobalAveragePooling2D.
 */
public class GlobalAveragePooling2D extends BaseGlobalPooling {
  public GlobalAveragePooling2D() {
    super(2, false);
  }

  /** Keeps the pooled axes with size 1. */
  public GlobalAveragePooling2D keepdims(boolean value) {
    setKeepdims(value);
    return this;
  }

  @Override
  public GlobalAveragePooling2D name(String newName) {
    super.name(newName);
    return this;
  }

  /** A GlobalAveragePooling2D layer from its Keras config. */
  public static GlobalAveragePooling2D fromConfig(Config c) {
    return configure(new GlobalAveragePooling2D(), c);
  }
}
