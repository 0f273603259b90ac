package org.jkeras.layers;

/**
 * What a call knows besides its inputs: whether it runs in training mode. It flows unchanged
 * through nested models, so Dropout and BatchNormalization deep inside behave as the outer call
 * asks.
 */
public record CallContext(boolean training) {
  public static final CallContext INFERENCE = new CallContext(false);
  public static final CallContext TRAINING = new CallContext(true);

  public static CallContext of(boolean training) {
    return training ? TRAINING : INFERENCE;
  }
}
