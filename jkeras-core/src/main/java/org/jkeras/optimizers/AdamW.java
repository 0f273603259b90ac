package org.jkeras.optimizers;

import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.config.Config;
import org.jkeras.optimizers.schedules.LearningRateSchedule;

/**
 * Adam with decoupled weight decay ({@code var -= var * weight_decay * lr} before each update),
 * which must be set; Keras's default is 0.004.
 */
public class AdamW extends Adam {
  public AdamW() {
    this(0.001);
  }

  public AdamW(double learningRate) {
    this(learningRate, 0.004);
  }

  public AdamW(LearningRateSchedule learningRate) {
    this(learningRate, 0.004, 0.9, 0.999, 1e-7, false);
  }

  public AdamW(double learningRate, double weightDecay) {
    this(learningRate, weightDecay, 0.9, 0.999, 1e-7, false);
  }

  public AdamW(double learningRate, double weightDecay, double beta1, double beta2,
      double epsilon, boolean amsgrad) {
    this("adamw", (Object) learningRate, weightDecay, beta1, beta2, epsilon, amsgrad);
  }

  public AdamW(LearningRateSchedule learningRate, double weightDecay, double beta1, double beta2,
      double epsilon, boolean amsgrad) {
    this("adamw", (Object) learningRate, weightDecay, beta1, beta2, epsilon, amsgrad);
  }

  private AdamW(String name, Object learningRate, double weightDecay, double beta1,
      double beta2, double epsilon, boolean amsgrad) {
    super(name, learningRate, beta1, beta2, epsilon, amsgrad);
    setWeightDecay(weightDecay);
  }

  @Override
  public String className() {
    return "AdamW";
  }

  @Override
  public Optimizer setWeightDecay(Double weightDecay) {
    if (weightDecay == null) {
      throw new JKerasException(
          "Argument `weight_decay` must be a float. Received: weight_decay=None");
    }
    return super.setWeightDecay(weightDecay);
  }

  static AdamW fromConfig(Map<String, Object> map) {
    Config c = OptimizerConfigs.read("AdamW", map, KEYS);
    return OptimizerConfigs.applyCommon(new AdamW("adamw",
        OptimizerConfigs.learningRate(c, 0.001), 0.004, c.getDouble("beta_1", 0.9),
        c.getDouble("beta_2", 0.999), c.getDouble("epsilon", 1e-7),
        c.getBoolean("amsgrad", false)), c);
  }
}
