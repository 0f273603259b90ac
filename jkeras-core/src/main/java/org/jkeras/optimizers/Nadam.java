package org.jkeras.optimizers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.backend.cpu.CpuOptimizerKernels;
import org.jkeras.config.Config;
import org.jkeras.optimizers.schedules.LearningRateSchedule;

/**
 * Nadam, Adam with Nesterov momentum and Keras's momentum schedule
 * {@code u_t = beta_1 * (1 - 0.5 * 0.96^t)}. Keras's defaults: 0.001, 0.9, 0.999, 1e-7.
 */
public class Nadam extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private Variable uProduct;
  private float uT;
  private float uNext;
  private float product;
  private float productNext;
  private float beta2Power;
  private final List<Variable> momentums = new ArrayList<>();
  private final List<Variable> velocities = new ArrayList<>();

  public Nadam() {
    this(0.001);
  }

  public Nadam(double learningRate) {
    this(learningRate, 0.9, 0.999, 1e-7);
  }

  public Nadam(LearningRateSchedule learningRate) {
    this(learningRate, 0.9, 0.999, 1e-7);
  }

  public Nadam(double learningRate, double beta1, double beta2, double epsilon) {
    this("nadam", (Object) learningRate, beta1, beta2, epsilon);
  }

  public Nadam(LearningRateSchedule learningRate, double beta1, double beta2, double epsilon) {
    this("nadam", (Object) learningRate, beta1, beta2, epsilon);
  }

  private Nadam(String name, Object learningRate, double beta1, double beta2, double epsilon) {
    super(name, learningRate);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  @Override
  public String className() {
    return "Nadam";
  }

  @Override
  protected void buildSlots(List<Variable> vars) {
    // Keras tracks the running product of u_t before the per-variable slots.
    uProduct = addVariable(Shape.scalar(), 1f, "u_product");
    for (Variable v : vars) {
      momentums.add(addSlot(v, "momentum"));
      velocities.add(addSlot(v, "velocity"));
    }
  }

  @Override
  protected void updateStep(List<Tensor> grads, List<Variable> vars, float lr) {
    // The momentum schedule advances once per step, before the per-variable updates.
    double t = iterations() + 1;
    float b1 = (float) beta1;
    uT = (float) (b1 * (1.0 - 0.5 * Math.pow(0.96, t)));
    uNext = (float) (b1 * (1.0 - 0.5 * Math.pow(0.96, t + 1)));
    product = uProduct.item() * uT;
    uProduct.assign(Tensor.scalar(product));
    productNext = product * uNext;
    beta2Power = (float) Math.pow((float) beta2, t);
    super.updateStep(grads, vars, lr);
  }

  @Override
  protected void updateVariable(Tensor grad, Variable var, int index, float lr) {
    CpuOptimizerKernels.nadam(var, grad, momentums.get(index), velocities.get(index), lr,
        (float) beta1, (float) beta2, (float) epsilon, uT, uNext, product, productNext,
        beta2Power);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("beta_1", beta1);
    config.put("beta_2", beta2);
    config.put("epsilon", epsilon);
  }

  static Nadam fromConfig(Map<String, Object> map) {
    Config c = OptimizerConfigs.read("Nadam", map, "beta_1", "beta_2", "epsilon");
    return OptimizerConfigs.applyCommon(new Nadam("nadam",
        OptimizerConfigs.learningRate(c, 0.001), c.getDouble("beta_1", 0.9),
        c.getDouble("beta_2", 0.999), c.getDouble("epsilon", 1e-7)), c);
  }
}
