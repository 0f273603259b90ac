package org.jkeras.optimizers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.backend.cpu.CpuOptimizerKernels;
import org.jkeras.config.Config;
import org.jkeras.optimizers.schedules.LearningRateSchedule;

/** Adadelta. Keras's defaults: 0.001, rho 0.95, epsilon 1e-7. */
public class Adadelta extends Optimizer {
  private final double rho;
  private final double epsilon;
  private final List<Variable> accumulatedGrads = new ArrayList<>();
  private final List<Variable> accumulatedDeltas = new ArrayList<>();

  public Adadelta() {
    this(0.001);
  }

  public Adadelta(double learningRate) {
    this(learningRate, 0.95, 1e-7);
  }

  public Adadelta(LearningRateSchedule learningRate) {
    this(learningRate, 0.95, 1e-7);
  }

  public Adadelta(double learningRate, double rho, double epsilon) {
    this("adadelta", (Object) learningRate, rho, epsilon);
  }

  public Adadelta(LearningRateSchedule learningRate, double rho, double epsilon) {
    this("adadelta", (Object) learningRate, rho, epsilon);
  }

  private Adadelta(String name, Object learningRate, double rho, double epsilon) {
    super(name, learningRate);
    this.rho = rho;
    this.epsilon = epsilon;
  }

  @Override
  public String className() {
    return "Adadelta";
  }

  @Override
  protected void buildSlots(List<Variable> vars) {
    for (Variable v : vars) {
      accumulatedGrads.add(addSlot(v, "accumulated_grad"));
      accumulatedDeltas.add(addSlot(v, "accumulated_delta_var"));
    }
  }

  @Override
  protected void updateVariable(Tensor grad, Variable var, int index, float lr) {
    CpuOptimizerKernels.adadelta(var, grad, accumulatedGrads.get(index),
        accumulatedDeltas.get(index), lr, (float) rho, (float) epsilon);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("rho", rho);
    config.put("epsilon", epsilon);
  }

  static Adadelta fromConfig(Map<String, Object> map) {
    Config c = OptimizerConfigs.read("Adadelta", map, "rho", "epsilon");
    return OptimizerConfigs.applyCommon(new Adadelta("adadelta",
        OptimizerConfigs.learningRate(c, 0.001), c.getDouble("rho", 0.95),
        c.getDouble("epsilon", 1e-7)), c);
  }
}
