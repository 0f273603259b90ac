package org.jkeras.layers.pooling;

import org.jkeras.config.Config;

/**
 * Global max pooling over the spatial axes (channels_last), as Keras's GlobalMaxPooling2D.
 */
public class GlobalMaxPooling2D extends BaseGlobalPooling {
  public GlobalMaxPooling2D() {
    super(2, true);
  }

  /** Keeps the pooled axes with size 1. */
  public GlobalMaxPooling2D keepdims(boolean value) {
    setKeepdims(value);
    return this;
  }

  @Override
  public GlobalMaxPooling2D name(String newName) {
    super.name(newName);
    return this;
  }

  /** A GlobalMaxPooling2D layer from its Keras config. */
  public static GlobalMaxPooling2D fromConfig(Config c) {
    return configure(new GlobalMaxPooling2D(), c);
  }
}
