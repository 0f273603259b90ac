package org.jkeras.optimizers.schedules;

import java.util.Map;
import org.jkeras.config.Config;

/** {@code initial * rate^(step / decaySteps)}, the exponent floored when {@code staircase}. */
public final class ExponentialDecay extends LearningRateSchedule {
  private final double initialLearningRate;
  private final int decaySteps;
  private final double decayRate;
  private final boolean staircase;
  private final String name;

  public ExponentialDecay(double initialLearningRate, int decaySteps, double decayRate,
      boolean staircase, String name) {
    requirePositiveSteps("ExponentialDecay", "decay_steps", decaySteps);
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = decaySteps;
    this.decayRate = decayRate;
    this.staircase = staircase;
    this.name = name;
  }

  public ExponentialDecay(double initialLearningRate, int decaySteps, double decayRate) {
    this(initialLearningRate, decaySteps, decayRate, false, "ExponentialDecay");
  }

  @Override
  public double value(long step) {
    double p = (double) step / decaySteps;
    if (staircase) {
      p = Math.floor(p);
    }
    return initialLearningRate * Math.pow(decayRate, p);
  }

  @Override
  public String className() {
    return "ExponentialDecay";
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

  static ExponentialDecay fromConfig(Config c) {
    return new ExponentialDecay(c.getDouble("initial_learning_rate", 0),
        Schedules.steps(c, "decay_steps"), c.getDouble("decay_rate", 0),
        c.getBoolean("staircase", false), c.getString("name", "ExponentialDecay"));
  }
}
