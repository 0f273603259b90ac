package org.jkeras.layers.activations;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.ShapePreservingLayer;
import org.jkeras.ops.NnOps;

/** {@code x} for {@code x > 0}, else {@code alpha * (exp(x) - 1)}, as Keras's ELU layer. */
public class ELU extends ShapePreservingLayer {
  private final double alpha;

  public ELU() {
    this(1.0);
  }

  public ELU(double alpha) {
    this.alpha = alpha;
  }

  public double alpha() {
    return alpha;
  }

  @Override
  public ELU name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return List.of(NnOps.elu(inputs.get(0), (float) alpha));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("alpha", alpha);
    return c;
  }

  /** An ELU layer from its Keras config. */
  public static ELU fromConfig(Config c) {
    ELU layer = new ELU(c.getDouble("alpha", 1.0));
    layer.applyBaseConfig(c);
    return layer;
  }
}
