package org.jkeras.layers.regularization;

import java.util.List;
import java.util.Map;
import org.jkeras.layers.ShapePreservingLayer;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.ReductionOps;

/**
 * Passes its input through and adds {@code l1 * sum(|x|) + l2 * sum(x^2)} to the layer's losses
 * (Keras 3 does not divide by the batch size), as Keras's ActivityRegularization.
 */
public class ActivityRegularization extends ShapePreservingLayer {
  private final double l1;
  private final double l2;

  public ActivityRegularization() {
    this(0.0, 0.0);
  }

  public ActivityRegularization(double l1, double l2) {
    // Keras builds an L1L2 regularizer here, which refuses negative or non-finite factors.
    new org.jkeras.regularizers.L1L2(l1, l2);
    this.l1 = l1;
    this.l2 = l2;
  }

  public double l1() {
    return l1;
  }

  public double l2() {
    return l2;
  }

  @Override
  public ActivityRegularization name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    Tensor penalty = Tensor.scalar(0f);
    if (l1 != 0) {
      penalty = MathOps.add(penalty,
          MathOps.multiply(ReductionOps.sum(MathOps.abs(x)), (float) l1));
    }
    if (l2 != 0) {
      penalty = MathOps.add(penalty,
          MathOps.multiply(ReductionOps.sum(MathOps.square(x)), (float) l2));
    }
    addLoss(penalty);
    return List.of(x);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("l1", l1);
    c.put("l2", l2);
    return c;
  }

  /** An ActivityRegularization layer from its Keras config. */
  public static ActivityRegularization fromConfig(Config c) {
    ActivityRegularization layer = new ActivityRegularization(c.getDouble("l1", 0.0),
        c.getDouble("l2", 0.0));
    layer.applyBaseConfig(c);
    return layer;
  }
}
