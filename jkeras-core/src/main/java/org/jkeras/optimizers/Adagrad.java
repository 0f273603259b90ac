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
 * Adagrad: per-element rates shrinking with the sum of squared gradients. Keras's defaults:
 * 0.001, initial_accumulator_value 0.1, epsilon 1e-7.
 */
public class Adagrad extends Optimizer {
  private final double initialAccumulatorValue;
  private final double epsilon;
  private final List<Variable> accumulators = new ArrayList<>();

  public Adagrad() {
    this(0.001);
  }

  public Adagrad(double learningRate) {
    this(learningRate, 0.1, 1e-7);
  }

  public Adagrad(LearningRateSchedule learningRate) {
    this(learningRate, 0.1, 1e-7);
  }

  public Adagrad(double learningRate, double initialAccumulatorValue, double epsilon) {
    this("adagrad", (Object) learningRate, initialAccumulatorValue, epsilon);
  }

  public Adagrad(
      LearningRateSchedule learningRate, double initialAccumulatorValue, double epsilon) {
    this("adagrad", (Object) learningRate, initialAccumulatorValue, epsilon);
  }

  private Adagrad(
      String name, Object learningRate, double initialAccumulatorValue, double epsilon) {
    super(name, learningRate);
    this.initialAccumulatorValue = initialAccumulatorValue;
    this.epsilon = epsilon;
  }

  @Override
  public String className() {
    return "Adagrad";
  }

  @Override
  protected void buildSlots(List<Variable> vars) {
    for (Variable v : vars) {
      // Keras names these plainly "accumulator", not after the variable.
      accumulators.add(addVariable(v.shape(), (float) initialAccumulatorValue, "accumulator"));
    }
  }

  @Override
  protected void updateVariable(Tensor grad, Variable var, int index, float lr) {
    CpuOptimizerKernels.adagrad(var, grad, accumulators.get(index), lr, (float) epsilon);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("initial_accumulator_value", initialAccumulatorValue);
    config.put("epsilon", epsilon);
  }

  static Adagrad fromConfig(Map<String, Object> map) {
    Config c = OptimizerConfigs.read("Adagrad", map, "initial_accumulator_value", "epsilon");
    return OptimizerConfigs.applyCommon(new Adagrad("adagrad",
        OptimizerConfigs.learningRate(c, 0.001), c.getDouble("initial_accumulator_value", 0.1),
        c.getDouble("epsilon", 1e-7)), c);
  }
}
