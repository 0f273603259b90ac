package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/** Normal values; Keras's "random_normal" (and "normal") is mean 0, stddev 0.05. */
public final class RandomNormal extends RandomInitializer {
  private final double mean;
  private final double stddev;

  public RandomNormal() {
    this(0.0, 0.05, null);
  }

  public RandomNormal(double mean, double stddev, Long seed) {
    super(seed);
    this.mean = mean;
    this.stddev = stddev;
  }

  public double mean() {
    return mean;
  }

  public double stddev() {
    return stddev;
  }

  @Override
  public Tensor initialize(Shape shape) {
    return Tensor.randomNormal(shape, (float) mean, (float) stddev, drawSeed());
  }

  @Override
  public String className() {
    return "RandomNormal";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("mean", mean);
    c.put("stddev", stddev);
    c.put("seed", seed());
    return c;
  }
}
