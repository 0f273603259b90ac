package org.jkeras.optimizers;

import java.util.Map;
import org.jkeras.backend.JKerasException;

/**
 * The options every Keras optimizer takes besides its learning rate, with Keras's defaults and
 * checks. Read-only from outside; set through the optimizer's {@code set...} methods.
 */
public final class OptimizerOptions {
  Double weightDecay;
  Double clipnorm;
  Double globalClipnorm;
  Double clipvalue;
  boolean useEma;
  double emaMomentum = 0.99;
  Integer emaOverwriteFrequency;
  Double lossScaleFactor;
  Integer gradientAccumulationSteps;

  OptimizerOptions() {}

  public Double weightDecay() {
    return weightDecay;
  }

  public Double clipnorm() {
    return clipnorm;
  }

  public Double globalClipnorm() {
    return globalClipnorm;
  }

  public Double clipvalue() {
    return clipvalue;
  }

  public boolean useEma() {
    return useEma;
  }

  public double emaMomentum() {
    return emaMomentum;
  }

  public Integer emaOverwriteFrequency() {
    return emaOverwriteFrequency;
  }

  public Double lossScaleFactor() {
    return lossScaleFactor;
  }

  public Integer gradientAccumulationSteps() {
    return gradientAccumulationSteps;
  }

  void setWeightDecay(Double value) {
    weightDecay = value;
  }

  void setClipnorm(Double value) {
    requireOneNorm(value, globalClipnorm);
    clipnorm = value;
  }

  void setGlobalClipnorm(Double value) {
    requireOneNorm(clipnorm, value);
    globalClipnorm = value;
  }

  void setClipvalue(Double value) {
    clipvalue = value;
  }

  void setEma(boolean use, double momentum, Integer overwriteFrequency) {
    if (use) {
      if (momentum > 1 || momentum < 0) {
        throw new JKerasException(
            "`ema_momentum` must be in the range [0, 1]. Received: ema_momentum=" + momentum);
      }
      if (overwriteFrequency != null && overwriteFrequency < 1) {
        throw new JKerasException("`ema_overwrite_frequency` must be an integer >= 1 or None. "
            + "Received: ema_overwrite_frequency=" + overwriteFrequency);
      }
    }
    useEma = use;
    emaMomentum = momentum;
    emaOverwriteFrequency = overwriteFrequency;
  }

  void setGradientAccumulationSteps(Integer steps) {
    if (steps != null && steps != 0 && steps < 2) {
      throw new JKerasException("`gradient_accumulation_steps` must be an integer >= 2. "
          + "Received: gradient_accumulation_steps=" + steps);
    }
    gradientAccumulationSteps = steps == null || steps == 0 ? null : steps;
  }

  private static void requireOneNorm(Double clipnorm, Double globalClipnorm) {
    if (clipnorm != null && globalClipnorm != null) {
      throw new JKerasException("Only one of `clipnorm` and `global_clipnorm` can be set. "
          + "Received: clipnorm=" + clipnorm + ", global_clipnorm=" + globalClipnorm);
    }
  }

  void putConfig(Map<String, Object> c) {
    c.put("weight_decay", weightDecay);
    c.put("clipnorm", clipnorm);
    c.put("global_clipnorm", globalClipnorm);
    c.put("clipvalue", clipvalue);
    c.put("use_ema", useEma);
    c.put("ema_momentum", emaMomentum);
    c.put("ema_overwrite_frequency", emaOverwriteFrequency);
    c.put("loss_scale_factor", lossScaleFactor);
    c.put("gradient_accumulation_steps", gradientAccumulationSteps);
  }
}
