package org.jkeras.optimizers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.backend.cpu.CpuOptimizerKernels;
import org.jkeras.config.Config;
import org.jkeras.optimizers.schedules.LearningRateSchedule;

/** Adamax, Adam with the infinity norm. Keras's defaults: 0.001, 0.9, 0.999, epsilon 1e-7. */
public class Adamax extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final List<Variable> momentums = new ArrayList<>();
  private final List<Variable> norms = new ArrayList<>();

  public Adamax() {
    this(0.001);
  }

  public Adamax(double learningRate) {
    this(learningRate, 0.9, 0.999, 1e-7);
  }

  public Adamax(LearningRateSchedule learningRate) {
    this(learningRate, 0.9, 0.999, 1e-7);
  }

  public Adamax(double learningRate, double beta1, double beta2, double epsilon) {
    this("adamax", (Object) learningRate, beta1, beta2, epsilon);
  }

  public Adamax(LearningRateSchedule learningRate, double beta1, double beta2, double epsilon) {
    this("adamax", (Object) learningRate, beta1, beta2, epsilon);
  }

  private Adamax(String name, Object learningRate, double beta1, double beta2, double epsilon) {
    super(name, learningRate);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  @Override
  public String className() {
    return "Adamax";
  }

  @Override
  protected void buildSlots(List<Variable> vars) {
    for (Variable v : vars) {
      momentums.add(addSlot(v, "momentum"));
      norms.add(addSlot(v, "norm"));
    }
  }

  @Override
  protected void updateVariable(Tensor grad, Variable var, int index, float lr) {
    float b1 = (float) beta1;
    double biasCorrection = 1 - Math.pow(b1, iterations() + 1);
    CpuOptimizerKernels.adamax(var, grad, momentums.get(index), norms.get(index), lr, b1,
        (float) beta2, (float) epsilon, (float) biasCorrection);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("beta_1", beta1);
    config.put("beta_2", beta2);
    config.put("epsilon", epsilon);
  }

  static Adamax fromConfig(Map<String, Object> map) {
    Config c = OptimizerConfigs.read("Adamax", map, "beta_1", "beta_2", "epsilon");
    return OptimizerConfigs.applyCommon(new Adamax("adamax",
        OptimizerConfigs.learningRate(c, 0.001), c.getDouble("beta_1", 0.9),
        c.getDouble("beta_2", 0.999), c.getDouble("epsilon", 1e-7)), c);
  }
}
