package org.jkeras.layers.activations;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.ShapePreservingLayer;
import org.jkeras.ops.NnOps;

/** {@code x} for {@code x >= 0}, else {@code negative_slope * x} (default 0.3, Keras 3's layer). */
public class LeakyReLU extends ShapePreservingLayer {
  private final double negativeSlope;

  public LeakyReLU() {
    this(0.3);
  }

  public LeakyReLU(double negativeSlope) {
    if (!(negativeSlope >= 0)) {
      throw new JKerasException("The negative_slope value of a Leaky ReLU layer cannot be None"
          + " or negative value. Expected a float. Received: negative_slope=" + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
  }

  public double negativeSlope() {
    return negativeSlope;
  }

  @Override
  public LeakyReLU name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return List.of(NnOps.leakyRelu(inputs.get(0), (float) negativeSlope));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("negative_slope", negativeSlope);
    return c;
  }

  /** A LeakyReLU layer from its Keras config (the deprecated {@code alpha} key is read too). */
  public static LeakyReLU fromConfig(Config c) {
    double slope = c.has("negative_slope") ? c.getDouble("negative_slope", 0.3)
        : c.getDouble("alpha", 0.3);
    LeakyReLU layer = new LeakyReLU(slope);
    layer.applyBaseConfig(c);
    return layer;
  }
}
