package org.jkeras.layers;

import java.util.concurrent.atomic.AtomicLong;

/** Names for symbolic tensors, {@code keras_tensor}, {@code keras_tensor_1}, ... as in Keras. */
final class SymbolicNames {
  private static final AtomicLong COUNT = new AtomicLong();

  private SymbolicNames() {}

  static String next() {
    long n = COUNT.getAndIncrement();
    return n == 0 ? "keras_tensor" : "keras_tensor_" + n;
  }
}
