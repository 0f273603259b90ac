package org.jkeras.layers.rnn;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.constraints.Constraint;
import org.jkeras.constraints.Constraints;
import org.jkeras.regularizers.Regularizer;
import org.jkeras.regularizers.Regularizers;

/**
 * A recurrent layer's regularizers and constraints: kernel, recurrent kernel and bias each may
 * have both, and an activity regularizer penalizes every output (states included, as Keras).
 */
final class RnnPenalties {
  Regularizer kernelRegularizer;
  Regularizer recurrentRegularizer;
  Regularizer biasRegularizer;
  Regularizer activityRegularizer;
  Constraint kernelConstraint;
  Constraint recurrentConstraint;
  Constraint biasConstraint;

  void putConfig(Map<String, Object> c) {
    c.put("kernel_regularizer", Regularizers.serialize(kernelRegularizer));
    c.put("recurrent_regularizer", Regularizers.serialize(recurrentRegularizer));
    c.put("bias_regularizer", Regularizers.serialize(biasRegularizer));
    c.put("activity_regularizer", Regularizers.serialize(activityRegularizer));
    c.put("kernel_constraint", Constraints.serialize(kernelConstraint));
    c.put("recurrent_constraint", Constraints.serialize(recurrentConstraint));
    c.put("bias_constraint", Constraints.serialize(biasConstraint));
  }

  void read(Config c) {
    kernelRegularizer = Regularizers.deserialize(c.raw("kernel_regularizer"));
    recurrentRegularizer = Regularizers.deserialize(c.raw("recurrent_regularizer"));
    biasRegularizer = Regularizers.deserialize(c.raw("bias_regularizer"));
    activityRegularizer = Regularizers.deserialize(c.raw("activity_regularizer"));
    kernelConstraint = Constraints.deserialize(c.raw("kernel_constraint"));
    recurrentConstraint = Constraints.deserialize(c.raw("recurrent_constraint"));
    biasConstraint = Constraints.deserialize(c.raw("bias_constraint"));
  }

  /** The activity penalties of a call's outputs (none without an activity regularizer). */
  void addActivityLosses(BaseRnn layer, List<Tensor> outputs) {
    if (activityRegularizer != null) {
      for (Tensor o : outputs) {
        layer.addLoss(activityRegularizer.apply(o));
      }
    }
  }
}
