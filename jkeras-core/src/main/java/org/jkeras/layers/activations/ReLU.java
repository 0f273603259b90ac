package org.jkeras.layers.activations;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.ShapePreservingLayer;
import org.jkeras.ops.CompareOps;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.NnOps;

/**
 * Keras's ReLU layer: {@code max_value} where {@code x >= max_value}, {@code x} where
 * {@code threshold <= x < max_value}, {@code negative_slope * (x - threshold)} otherwise,
 * computed in Keras's order of ops so the numbers match.
 */
public class ReLU extends ShapePreservingLayer {
  private final Double maxValue;
  private final double negativeSlope;
  private final double threshold;

  public ReLU() {
    this(null, 0.0, 0.0);
  }

  /** {@code maxValue} null means unbounded. */
  public ReLU(Double maxValue, double negativeSlope, double threshold) {
    if (maxValue != null && maxValue < 0) {
      throw new JKerasException("max_value of a ReLU layer cannot be a negative value."
          + " Received: max_value=" + maxValue);
    }
    if (!(negativeSlope >= 0)) {
      throw new JKerasException("negative_slope of a ReLU layer cannot be None or a negative"
          + " value. Received: negative_slope=" + negativeSlope);
    }
    if (!(threshold >= 0)) {
      throw new JKerasException("threshold of a ReLU layer cannot be None or a negative value."
          + " Received: threshold=" + threshold);
    }
    this.maxValue = maxValue;
    this.negativeSlope = negativeSlope;
    this.threshold = threshold;
  }

  @Override
  public ReLU name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return List.of(relu(inputs.get(0), negativeSlope, maxValue, threshold));
  }

  /** Keras's {@code activations.relu(x, negative_slope, max_value, threshold)}. */
  static Tensor relu(Tensor x, double negativeSlope, Double maxValue, double threshold) {
    float slope = (float) negativeSlope;
    float thr = (float) threshold;
    Tensor negativePart = null;
    if (negativeSlope != 0) {
      if (maxValue == null && threshold == 0) {
        return NnOps.leakyRelu(x, slope);
      }
      negativePart = NnOps.relu(threshold != 0 ? MathOps.subtract(thr, x) : MathOps.negative(x));
    }
    Tensor y;
    if (threshold != 0) {
      y = MathOps.multiply(x, MathOps.cast(CompareOps.greater(x, thr), DType.FLOAT32));
    } else {
      y = NnOps.relu(x);
    }
    if (maxValue != null) {
      y = MathOps.clip(y, 0f, maxValue.floatValue());
    }
    if (negativePart != null) {
      y = MathOps.subtract(y, MathOps.multiply(negativePart, slope));
    }
    return y;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("max_value", maxValue);
    c.put("negative_slope", negativeSlope);
    c.put("threshold", threshold);
    return c;
  }

  /** A ReLU layer from its Keras config. */
  public static ReLU fromConfig(Config c) {
    ReLU layer = new ReLU(c.has("max_value") ? c.getDouble("max_value", 0) : null,
        c.getDouble("negative_slope", 0.0), c.getDouble("threshold", 0.0));
    layer.applyBaseConfig(c);
    return layer;
  }
}
