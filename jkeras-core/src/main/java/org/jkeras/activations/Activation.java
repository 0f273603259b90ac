package org.jkeras.activations;

import org.jkeras.backend.Tensor;

/** An activation function with the name Keras knows it by. */
public interface Activation {
  /** Keras's name, for example {@code "relu"}. */
  String name();

  Tensor apply(Tensor x);

  /** An activation from a name and an op. */
  static Activation of(String name, java.util.function.UnaryOperator<Tensor> fn) {
    return new Activation() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Tensor apply(Tensor x) {
        return fn.apply(x);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
