package org.jkeras.optimizers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.backend.cpu.CpuOptimizerKernels;
import org.jkeras.config.Config;
import org.jkeras.optimizers.schedules.LearningRateSchedule;

/** Adam, optionally AMSGrad. Keras's defaults: 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7. */
public class Adam extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final boolean amsgrad;
  private final List<Variable> momentums = new ArrayList<>();
  private final List<Variable> velocities = new ArrayList<>();
  private final List<Variable> velocityHats = new ArrayList<>();

  public Adam() {
    this(0.001);
  }

  public Adam(double learningRate) {
    this(learningRate, 0.9, 0.999, 1e-7, false);
  }

  public Adam(LearningRateSchedule learningRate) {
    this(learningRate, 0.9, 0.999, 1e-7, false);
  }

  public Adam(
      double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
    this("adam", (Object) learningRate, beta1, beta2, epsilon, amsgrad);
  }

  public Adam(LearningRateSchedule learningRate, double beta1, double beta2, double epsilon,
      boolean amsgrad) {
    this("adam", (Object) learningRate, beta1, beta2, epsilon, amsgrad);
  }

  /** For subclasses: {@code learningRate} is a Number or a LearningRateSchedule. */
  protected Adam(String name, Object learningRate, double beta1, double beta2, double epsilon,
      boolean amsgrad) {
    super(name, learningRate);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.amsgrad = amsgrad;
  }

  @Override
  public String className() {
    return "Adam";
  }

  @Override
  protected void buildSlots(List<Variable> vars) {
    for (Variable v : vars) {
      momentums.add(addSlot(v, "momentum"));
      velocities.add(addSlot(v, "velocity"));
    }
    if (amsgrad) {
      for (Variable v : vars) {
        velocityHats.add(addSlot(v, "velocity_hat"));
      }
    }
  }

  @Override
  protected void updateVariable(Tensor grad, Variable var, int index, float lr) {
    double t = iterations() + 1;
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
    CpuOptimizerKernels.adam(var, grad, momentums.get(index), velocities.get(index),
        amsgrad ? velocityHats.get(index) : null, (float) alpha, b1, b2, (float) epsilon);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("beta_1", beta1);
    config.put("beta_2", beta2);
    config.put("epsilon", epsilon);
    config.put("amsgrad", amsgrad);
  }

  static final String[] KEYS = {"beta_1", "beta_2", "epsilon", "amsgrad"};

  static Adam fromConfig(Map<String, Object> map) {
    Config c = OptimizerConfigs.read("Adam", map, KEYS);
    return OptimizerConfigs.applyCommon(new Adam("adam", OptimizerConfigs.learningRate(c, 0.001),
        c.getDouble("beta_1", 0.9), c.getDouble("beta_2", 0.999), c.getDouble("epsilon", 1e-7),
        c.getBoolean("amsgrad", false)), c);
  }
}
