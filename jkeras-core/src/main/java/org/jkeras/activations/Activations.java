package org.jkeras.activations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.NnOps;

/** Every activation Keras accepts as a string, by name. */
public final class Activations {
  private static final Map<String, Activation> BY_NAME = new LinkedHashMap<>();

  static {
    register(Activation.of("linear", x -> x));
    register(Activation.of("relu", NnOps::relu));
    register(Activation.of("relu6", NnOps::relu6));
    register(Activation.of("leaky_relu", NnOps::leakyRelu));
    register(Activation.of("elu", NnOps::elu));
    register(Activation.of("selu", NnOps::selu));
    register(Activation.of("gelu", NnOps::gelu));
    register(Activation.of("sigmoid", NnOps::sigmoid));
    register(Activation.of("hard_sigmoid", NnOps::hardSigmoid));
    register(Activation.of("tanh", NnOps::tanh));
    register(Activation.of("softmax", NnOps::softmax));
    register(Activation.of("log_softmax", NnOps::logSoftmax));
    register(Activation.of("softplus", NnOps::softplus));
    register(Activation.of("softsign", NnOps::softsign));
    register(Activation.of("silu", NnOps::silu));
    register(Activation.of("swish", NnOps::silu));
    register(Activation.of("hard_silu", x -> MathOps.multiply(x, NnOps.hardSigmoid(x))));
    register(Activation.of("hard_swish", x -> MathOps.multiply(x, NnOps.hardSigmoid(x))));
    register(Activation.of("mish", x -> MathOps.multiply(x, NnOps.tanh(NnOps.softplus(x)))));
    register(Activation.of("exponential", MathOps::exp));
  }

  private Activations() {}

  private static void register(Activation a) {
    BY_NAME.put(a.name(), a);
  }

  /** The activation called {@code name}; null or "linear" is the identity. */
  public static Activation get(String name) {
    if (name == null) {
      return BY_NAME.get("linear");
    }
    Activation a = BY_NAME.get(name);
    if (a == null) {
      throw new JKerasException("Unknown activation function: '" + name + "'. Valid names are "
          + BY_NAME.keySet() + ".");
    }
    return a;
  }
}
