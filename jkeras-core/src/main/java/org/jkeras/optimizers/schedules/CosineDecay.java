package org.jkeras.optimizers.schedules;

import java.util.Map;
import org.jkeras.config.Config;

/**
 * Cosine decay to {@code alpha * initial} over {@code decaySteps}, optionally after a linear
 * warmup from the initial rate to {@code warmupTarget} over {@code warmupSteps} (Keras 3).
 */
public final class CosineDecay extends LearningRateSchedule {
  private final double initialLearningRate;
  private final int decaySteps;
  private final double alpha;
  private final String name;
  private final Double warmupTarget;
  private final int warmupSteps;

  public CosineDecay(double initialLearningRate, int decaySteps, double alpha, String name,
      Double warmupTarget, int warmupSteps) {
    requirePositiveSteps("CosineDecay", "decay_steps", decaySteps);
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = decaySteps;
    this.alpha = alpha;
    this.name = name;
    this.warmupTarget = warmupTarget;
    this.warmupSteps = warmupSteps;
  }

  public CosineDecay(double initialLearningRate, int decaySteps) {
    this(initialLearningRate, decaySteps, 0.0, "CosineDecay", null, 0);
  }

  /** With a linear warmup to {@code warmupTarget}, then cosine decay from it. */
  public CosineDecay(
      double initialLearningRate, int decaySteps, double warmupTarget, int warmupSteps) {
    this(initialLearningRate, decaySteps, 0.0, "CosineDecay", warmupTarget, warmupSteps);
  }

  @Override
  public double value(long step) {
    double s = step;
    if (warmupTarget == null) {
      return decayed(Math.min(s, decaySteps), initialLearningRate);
    }
    s = Math.min(s, (double) decaySteps + warmupSteps);
    if (s < warmupSteps) {
      return (warmupTarget - initialLearningRate) * (s / warmupSteps) + initialLearningRate;
    }
    return decayed(s - warmupSteps, warmupTarget);
  }

  private double decayed(double step, double from) {
    double cosine = 0.5 * (1.0 + Math.cos(Math.PI * (step / decaySteps)));
    return from * ((1 - alpha) * cosine + alpha);
  }

  @Override
  public String className() {
    return "CosineDecay";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("alpha", alpha);
    c.put("name", name);
    c.put("warmup_target", warmupTarget);
    c.put("warmup_steps", warmupSteps);
    return c;
  }

  static CosineDecay fromConfig(Config c) {
    Double target = c.has("warmup_target") ? c.getDouble("warmup_target", 0) : null;
    return new CosineDecay(c.getDouble("initial_learning_rate", 0),
        Schedules.steps(c, "decay_steps"), c.getDouble("alpha", 0.0),
        c.getString("name", "CosineDecay"), target,
        c.has("warmup_steps") ? Schedules.steps(c, "warmup_steps") : 0);
  }
}
