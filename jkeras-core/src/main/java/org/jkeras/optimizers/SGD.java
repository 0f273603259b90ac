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

/** Gradient descent, optionally with (Nesterov) momentum; Keras's defaults: 0.01, no momentum. */
public class SGD extends Optimizer {
  private final double momentum;
  private final boolean nesterov;
  private final List<Variable> momentums = new ArrayList<>();

  public SGD() {
    this(0.01);
  }

  public SGD(double learningRate) {
    this(learningRate, 0.0, false);
  }

  public SGD(LearningRateSchedule learningRate) {
    this(learningRate, 0.0, false);
  }

  public SGD(double learningRate, double momentum, boolean nesterov) {
    this("SGD", (Object) learningRate, momentum, nesterov);
  }

  public SGD(LearningRateSchedule learningRate, double momentum, boolean nesterov) {
    this("SGD", (Object) learningRate, momentum, nesterov);
  }

  private SGD(String name, Object learningRate, double momentum, boolean nesterov) {
    super(name, learningRate);
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new JKerasException("`momentum` must be a float between [0, 1].");
    }
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  public double momentum() {
    return momentum;
  }

  public boolean nesterov() {
    return nesterov;
  }

  @Override
  public String className() {
    return "SGD";
  }

  @Override
  protected void buildSlots(List<Variable> vars) {
    if (momentum != 0) {
      for (Variable v : vars) {
        momentums.add(addSlot(v, "momentum"));
      }
    }
  }

  @Override
  protected void updateVariable(Tensor grad, Variable var, int index, float lr) {
    CpuOptimizerKernels.sgd(var, grad, momentum != 0 ? momentums.get(index) : null, lr,
        (float) momentum, nesterov);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("momentum", momentum);
    config.put("nesterov", nesterov);
  }

  static SGD fromConfig(Map<String, Object> map) {
    Config c = OptimizerConfigs.read("SGD", map, "momentum", "nesterov");
    return OptimizerConfigs.applyCommon(new SGD("SGD", OptimizerConfigs.learningRate(c, 0.01),
        c.getDouble("momentum", 0.0), c.getBoolean("nesterov", false)), c);
  }
}
