package org.jkeras.optimizers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.backend.cpu.CpuOptimizerKernels;
import org.jkeras.config.Config;
import org.jkeras.optimizers.schedules.LearningRateSchedule;

/**
 * RMSprop, optionally centered and with momentum. Keras's defaults: 0.001, rho 0.9, momentum 0,
 * epsilon 1e-7, and (unlike the others) {@code ema_overwrite_frequency} 100.
 */
public class RMSprop extends Optimizer {
  private final double rho;
  private final double momentum;
  private final double epsilon;
  private final boolean centered;
  private final List<Variable> velocities = new ArrayList<>();
  private final List<Variable> momentums = new ArrayList<>();
  private final List<Variable> averageGradients = new ArrayList<>();

  public RMSprop() {
    this(0.001);
  }

  public RMSprop(double learningRate) {
    this(learningRate, 0.9, 0.0, 1e-7, false);
  }

  public RMSprop(LearningRateSchedule learningRate) {
    this(learningRate, 0.9, 0.0, 1e-7, false);
  }

  public RMSprop(
      double learningRate, double rho, double momentum, double epsilon, boolean centered) {
    this("rmsprop", (Object) learningRate, rho, momentum, epsilon, centered);
  }

  public RMSprop(LearningRateSchedule learningRate, double rho, double momentum, double epsilon,
      boolean centered) {
    this("rmsprop", (Object) learningRate, rho, momentum, epsilon, centered);
  }

  private RMSprop(String name, Object learningRate, double rho, double momentum, double epsilon,
      boolean centered) {
    super(name, learningRate);
    this.rho = rho;
    this.momentum = momentum;
    this.epsilon = epsilon;
    this.centered = centered;
    setUseEma(false, 0.99, 100);
  }

  @Override
  public String className() {
    return "RMSprop";
  }

  @Override
  protected void buildSlots(List<Variable> vars) {
    for (Variable v : vars) {
      velocities.add(addSlot(v, "velocity"));
    }
    if (momentum > 0) {
      for (Variable v : vars) {
        momentums.add(addSlot(v, "momentum"));
      }
    }
    if (centered) {
      for (Variable v : vars) {
        averageGradients.add(addSlot(v, "average_gradient"));
      }
    }
  }

  @Override
  protected void updateVariable(Tensor grad, Variable var, int index, float lr) {
    CpuOptimizerKernels.rmsprop(var, grad, velocities.get(index),
        momentum > 0 ? momentums.get(index) : null,
        centered ? averageGradients.get(index) : null,
        lr, (float) rho, (float) momentum, (float) epsilon);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("rho", rho);
    config.put("momentum", momentum);
    config.put("epsilon", epsilon);
    config.put("centered", centered);
  }

  static RMSprop fromConfig(Map<String, Object> map) {
    Config c = OptimizerConfigs.read("RMSprop", map, "rho", "momentum", "epsilon", "centered");
    return OptimizerConfigs.applyCommon(new RMSprop("rmsprop",
        OptimizerConfigs.learningRate(c, 0.001), c.getDouble("rho", 0.9),
        c.getDouble("momentum", 0.0), c.getDouble("epsilon", 1e-7),
        c.getBoolean("centered", false)), c);
  }
}
