package org.jkeras.regularizers;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * {@code l1 * sum(|x|)}; the string name "l1" uses Keras's default factor 0.01. Keras 3.1 keeps
 * the factor as a float32 tensor, so its config holds the float32 value ({@code 0.01} is written
 * {@code 0.009999999776482582}); this one writes the same.
 */
public record L1(double l1) implements Regularizer {
  public L1 {
    Penalties.check(l1, "l1");
  }

  public L1() {
    this(0.01);
  }

  @Override
  public Tensor apply(Tensor x) {
    return Penalties.l1(l1, x);
  }

  @Override
  public String className() {
    return "L1";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("l1", (double) (float) l1);
    return c;
  }
}
