package org.jkeras.layers.rnn;

import org.jkeras.backend.JKerasException;
import org.jkeras.config.Config;
import org.jkeras.initializers.Initializers;

/** Reads the keys SimpleRNN, LSTM and GRU share from a Keras config. */
final class RnnConfig {
  private RnnConfig() {}

  /** Applies the shared recurrent keys (all but the base ones) of a Keras config to a layer. */
  static <T extends BaseRnn> T configure(T layer, Config c) {
    if (c.getBoolean("unroll", false)) {
      throw new JKerasException("Layer '" + layer.name() + "' sets unroll=true, which jkeras"
          + " does not support: its fused recurrent ops run the loop without unrolling.");
    }
    layer.setReturnSequences(c.getBoolean("return_sequences", false));
    layer.setReturnState(c.getBoolean("return_state", false));
    layer.setGoBackwards(c.getBoolean("go_backwards", false));
    layer.setStateful(c.getBoolean("stateful", false));
    layer.setZeroOutputForMask(c.getBoolean("zero_output_for_mask", false));
    layer.setActivation(c.getString("activation", "tanh"));
    if (layer.hasRecurrentActivation()) {
      layer.setRecurrentActivation(c.getString("recurrent_activation", "sigmoid"));
    }
    layer.setUseBias(c.getBoolean("use_bias", true));
    if (c.has("kernel_initializer")) {
      layer.setKernelInitializer(Initializers.deserialize(c.raw("kernel_initializer")));
    }
    if (c.has("recurrent_initializer")) {
      layer.setRecurrentInitializer(Initializers.deserialize(c.raw("recurrent_initializer")));
    }
    if (c.has("bias_initializer")) {
      layer.setBiasInitializer(Initializers.deserialize(c.raw("bias_initializer")));
    }
    layer.setDropout(c.getDouble("dropout", 0.0));
    layer.setRecurrentDropout(c.getDouble("recurrent_dropout", 0.0));
    Object seed = c.raw("seed");
    if (seed != null && !(seed instanceof Number)) {
      throw new JKerasException("Layer '" + layer.name() + "': seed must be an integer or null,"
          + " got " + seed + ".");
    }
    layer.setSeed(seed == null ? null : ((Number) seed).longValue());
    return layer;
  }
}
