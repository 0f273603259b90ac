package org.jkeras.optimizers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.backend.cpu.CpuOptimizerKernels;
import org.jkeras.config.Config;
import org.jkeras.optimizers.schedules.LearningRateSchedule;

/** Lion: steps of fixed size along a sign. Keras's defaults: 0.001, beta_1 0.9, beta_2 0.99. */
public class Lion extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final List<Variable> momentums = new ArrayList<>();

  public Lion() {
    this(0.001);
  }

  public Lion(double learningRate) {
    this(learningRate, 0.9, 0.99);
  }

  public Lion(LearningRateSchedule learningRate) {
    this(learningRate, 0.9, 0.99);
  }

  public Lion(double learningRate, double beta1, double beta2) {
    this("lion", (Object) learningRate, beta1, beta2);
  }

  public Lion(LearningRateSchedule learningRate, double beta1, double beta2) {
    this("lion", (Object) learningRate, beta1, beta2);
  }

  private Lion(String name, Object learningRate, double beta1, double beta2) {
    super(name, learningRate);
    if (beta1 <= 0 || beta1 > 1) {
      throw new JKerasException("Argument `beta_1` must be in the [0, 1] range. Otherwise, the "
          + "optimizer degenerates to SignSGD. Received: beta_1=" + beta1 + ".");
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
  }

  @Override
  public String className() {
    return "Lion";
  }

  @Override
  protected void buildSlots(List<Variable> vars) {
    for (Variable v : vars) {
      momentums.add(addSlot(v, "momentum"));
    }
  }

  @Override
  protected void updateVariable(Tensor grad, Variable var, int index, float lr) {
    CpuOptimizerKernels.lion(
        var, grad, momentums.get(index), lr, (float) beta1, (float) beta2);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("beta_1", beta1);
    config.put("beta_2", beta2);
  }

  static Lion fromConfig(Map<String, Object> map) {
    Config c = OptimizerConfigs.read("Lion", map, "beta_1", "beta_2");
    return OptimizerConfigs.applyCommon(new Lion("lion",
        OptimizerConfigs.learningRate(c, 0.001), c.getDouble("beta_1", 0.9),
        c.getDouble("beta_2", 0.99)), c);
  }
}
