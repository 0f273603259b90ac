package org.jkeras.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.GradientTape;

/**
 * A layer call's output, then the gradients of {@code sum(w * output)} (fixed random {@code w})
 * for its input, kernel and bias (when there is one): what a fused path and the separate ops
 * it replaces must agree on.
 */
public final class OutputAndGradients {
  private OutputAndGradients() {}

  public static List<Tensor> of(Tensor x, Tensor kernel, Tensor bias, Supplier<Tensor> forward) {
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Tensor y = forward.get();
      List<Tensor> sources = new ArrayList<>(List.of(x, kernel));
      if (bias != null) {
        sources.add(bias);
      }
      List<Tensor> out = new ArrayList<>(List.of(y));
      out.addAll(tape.gradient(y, sources, Tensor.randomUniform(y.shape(), -1f, 1f, 5)));
      return out;
    }
  }
}
