package org.jkeras.optimizers.schedules;

import java.util.Map;
import org.jkeras.config.Config;

/** {@code initial / (1 + rate * step / decaySteps)}, the ratio floored when {@code staircase}. */
public final class InverseTimeDecay extends LearningRateSchedule {
  private final double initialLearningRate;
  private final int decaySteps;
  private final double decayRate;
  private final boolean staircase;
  private final String name;

  public InverseTimeDecay(double initialLearningRate, int decaySteps, double decayRate,
      boolean staircase, String name) {
    requirePositiveSteps("InverseTimeDecay", "decay_steps", decaySteps);
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = decaySteps;
    this.decayRate = decayRate;
    this.staircase = staircase;
    this.name = name;
  }

  public InverseTimeDecay(double initialLearningRate, int decaySteps, double decayRate) {
    this(initialLearningRate, decaySteps, decayRate, false, "InverseTimeDecay");
  }

  @Override
  public double value(long step) {
    double p = (double) step / decaySteps;
    if (staircase) {
      p = Math.floor(p);
    }
    return initialLearningRate / (1 + decayRate * p);
  }

  @Override
  public String className() {
    return "InverseTimeDecay";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("decay_rate", decayRate);
    c.put("staircase", staircase);
    c.put("name", name);
    return c;
  }

  static InverseTimeDecay fromConfig(Config c) {
    return new InverseTimeDecay(c.getDouble("initial_learning_rate", 0),
        Schedules.steps(c, "decay_steps"), c.getDouble("decay_rate", 0),
        c.getBoolean("staircase", false), c.getString("name", "InverseTimeDecay"));
  }
}
