package org.jkeras.layers.regularization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.CompareOps;
import org.jkeras.ops.MathOps;

/**
 * Keras's Dropout: in training, each unit is zeroed with probability {@code rate} and the kept
 * ones are scaled by {@code 1 / (1 - rate)}, so the expected sum is unchanged; in inference the
 * input passes through. {@code noise_shape} shares one draw along axes of size 1 (a -1 entry
 * takes the input's size). The same {@code seed} gives the same sequence of masks.
 */
public class Dropout extends RandomTrainingLayer {
  private final double rate;
  private int[] noiseShape;

  public Dropout(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new JKerasException("Invalid value received for argument `rate`. Expected a float"
          + " value between 0 and 1. Received: rate=" + rate);
    }
    this.rate = rate;
  }

  public double rate() {
    return rate;
  }

  /** Fixes the random stream: two layers with the same seed draw the same masks. */
  public Dropout seed(Integer value) {
    setSeed(value);
    return this;
  }

  /** The shape of the random mask, batch included; -1 entries take the input's size. */
  public Dropout noiseShape(int... shape) {
    for (int i = 0; shape != null && i < shape.length; i++) {
      if (shape[i] == 0 || shape[i] < -1) {
        throw new JKerasException("Invalid value received for argument `noise_shape`. Expected"
            + " all dimensions to be positive integers or None. Received negative or zero value"
            + " at index " + i + ": " + shape[i]);
      }
    }
    this.noiseShape = shape == null ? null : shape.clone();
    return this;
  }

  @Override
  public Dropout name(String newName) {
    super.name(newName);
    return this;
  }

  /** The concrete mask shape for this input (Keras's {@code _get_concrete_noise_shape}). */
  protected Shape noiseShapeFor(Shape input) {
    if (noiseShape == null) {
      return input;
    }
    if (noiseShape.length != input.rank()) {
      throw new JKerasException("Dropout: noise_shape " + Config.shapeList(noiseShape) + " must"
          + " have one entry per axis of the input shape " + input + ".");
    }
    int[] out = noiseShape.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] == -1 ? input.dim(i) : out[i];
    }
    return Shape.of(out);
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    if (!context.training() || rate == 0) {
      return List.of(x);
    }
    if (rate == 1) {
      return List.of(MathOps.multiply(x, 0f));
    }
    float keep = (float) (1 - rate);
    Tensor u = Tensor.randomUniform(noiseShapeFor(x.shape()), 0f, 1f, nextSeed());
    Tensor kept = ArrayOps.broadcastTo(CompareOps.less(u, keep), x.shape());
    return List.of(MathOps.where(kept, MathOps.divide(x, keep), Tensor.scalar(0f)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rate", rate);
    c.put("seed", seed());
    c.put("noise_shape", noiseShape == null ? null : new ArrayList<>(
        Config.shapeList(noiseShape)));
    return c;
  }

  /** A Dropout layer from its Keras config. */
  public static Dropout fromConfig(Config c) {
    Dropout layer = new Dropout(c.getDouble("rate", 0.5));
    layer.applyBaseConfig(c);
    layer.seed(seedOf(c));
    if (c.has("noise_shape")) {
      layer.noiseShape(c.getShape("noise_shape"));
    }
    return layer;
  }
}
