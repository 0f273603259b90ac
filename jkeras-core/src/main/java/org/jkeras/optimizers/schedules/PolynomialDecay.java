package org.jkeras.optimizers.schedules;

import java.util.Map;
import org.jkeras.config.Config;

/**
 * A polynomial ramp from the initial rate to {@code endLearningRate} over {@code decaySteps};
 * with {@code cycle} the ramp restarts at each multiple of {@code decaySteps}.
 */
public final class PolynomialDecay extends LearningRateSchedule {
  private final double initialLearningRate;
  private final int decaySteps;
  private final double endLearningRate;
  private final double power;
  private final boolean cycle;
  private final String name;

  public PolynomialDecay(double initialLearningRate, int decaySteps, double endLearningRate,
      double power, boolean cycle, String name) {
    requirePositiveSteps("PolynomialDecay", "decay_steps", decaySteps);
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = decaySteps;
    this.endLearningRate = endLearningRate;
    this.power = power;
    this.cycle = cycle;
    this.name = name;
  }

  /** Keras's defaults: end rate 1e-4, power 1 (linear), no cycle. */
  public PolynomialDecay(double initialLearningRate, int decaySteps) {
    this(initialLearningRate, decaySteps, 0.0001, 1.0, false, "PolynomialDecay");
  }

  @Override
  public double value(long step) {
    double s = step;
    double steps = decaySteps;
    if (cycle) {
      steps *= step == 0 ? 1 : Math.ceil(s / decaySteps);
    } else {
      s = Math.min(s, steps);
    }
    double p = s / steps;
    return (initialLearningRate - endLearningRate) * Math.pow(1 - p, power) + endLearningRate;
  }

  @Override
  public String className() {
    return "PolynomialDecay";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("end_learning_rate", endLearningRate);
    c.put("power", power);
    c.put("cycle", cycle);
    c.put("name", name);
    return c;
  }

  static PolynomialDecay fromConfig(Config c) {
    return new PolynomialDecay(c.getDouble("initial_learning_rate", 0),
        Schedules.steps(c, "decay_steps"), c.getDouble("end_learning_rate", 0.0001),
        c.getDouble("power", 1.0), c.getBoolean("cycle", false),
        c.getString("name", "PolynomialDecay"));
  }
}
