package org.jkeras.layers.pooling;

import org.jkeras.config.Config;

/**
 * Global max pooling over the steps (channels_last), as Keras's GlobalMaxPooling1D.
 */
public class GlobalMaxPooling1D extends BaseGlobalPooling {
  public GlobalMaxPooling1D() {
    super(1, true);
  }

  /** Keeps the pooled axes with size 1. */
  public GlobalMaxPooling1D keepdims(boolean value) {
    setKeepdims(value);
    return this;
  }

  @Override
  public GlobalMaxPooling1D name(String newName) {
    super.name(newName);
    return this;
  }

  /** A GlobalMaxPooling1D layer from its Keras config. */
  public static GlobalMaxPooling1D fromConfig(Config c) {
    return configure(new GlobalMaxPooling1D(), c);
  }
}
