package org.jkeras.losses;

import java.util.Map;

/**
 * The settings Keras's BinaryCrossentropy and CategoricalCrossentropy share: {@code from_logits},
 * {@code label_smoothing} and the class {@code axis}, kept and written to the config alike.
 */
abstract class SmoothedCrossentropy extends FunctionLoss {
  final boolean fromLogits;
  final double labelSmoothing;
  final int axis;

  SmoothedCrossentropy(boolean fromLogits, double labelSmoothing, int axis, String reduction,
      String name) {
    super(name, reduction);
    this.fromLogits = fromLogits;
    this.labelSmoothing = labelSmoothing;
    this.axis = axis;
  }

  public boolean fromLogits() {
    return fromLogits;
  }

  public double labelSmoothing() {
    return labelSmoothing;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("label_smoothing", labelSmoothing);
    c.put("axis", axis);
    return c;
  }
}
