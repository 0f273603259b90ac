package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.backend.SeededRandom;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Normal values redrawn until they lie within two {@code stddev} of the mean (so their own
 * standard deviation is about 0.88 stddev); Keras's "truncated_normal" is mean 0, stddev 0.05.
 */
public final class TruncatedNormal extends RandomInitializer {
  private final double mean;
  private final double stddev;

  public TruncatedNormal() {
    this(0.0, 0.05, null);
  }

  public TruncatedNormal(double mean, double stddev, Long seed) {
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
    return Tensor.wrap(SeededRandom.truncatedNormal(shape.sizeAsInt(), (float) mean,
        (float) stddev, drawSeed()), shape);
  }

  @Override
  public String className() {
    return "TruncatedNormal";
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
