package org.jkeras.regularizers;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * {@code l1 * sum(|x|) + l2 * sum(x^2)}. As in Keras the constructor's defaults are 0 (so {@code
 * new L1L2(0, 0.1)} is a pure L2), while the string name "l1_l2" means 0.01 for both.
 */
public record L1L2(double l1, double l2) implements Regularizer {
  public L1L2 {
    Penalties.check(l1, "l1");
    Penalties.check(l2, "l2");
  }

  public L1L2() {
    this(0.0, 0.0);
  }

  @Override
  public Tensor apply(Tensor x) {
    if (l1 != 0 && l2 != 0) {
      return org.jkeras.ops.MathOps.add(Penalties.l1(l1, x), Penalties.l2(l2, x));
    }
    if (l1 != 0) {
      return Penalties.l1(l1, x);
    }
    if (l2 != 0) {
      return Penalties.l2(l2, x);
    }
    return Tensor.scalar(0f);
  }

  @Override
  public String className() {
    return "L1L2";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("l1", l1);
    c.put("l2", l2);
    return c;
  }
}
