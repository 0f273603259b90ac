package org.jkeras.regularizers;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** {@code l2 * sum(x^2)} (weight decay); the string name "l2" uses Keras's default 0.01. */
public record L2(double l2) implements Regularizer {
  public L2 {
    Penalties.check(l2, "l2");
  }

  public L2() {
    this(0.01);
  }

  @Override
  public Tensor apply(Tensor x) {
    return Penalties.l2(l2, x);
  }

  @Override
  public String className() {
    return "L2";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("l2", l2);
    return c;
  }
}
