package org.jkeras.initializers;

import java.util.Locale;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.SeededRandom;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * Keras's VarianceScaling, the initializer behind the glorot, he and lecun families: values with
 * variance {@code scale / n}, where {@code n} is the fan-in, the fan-out or their average. The
 * truncated normal draws with {@code stddev = sqrt(scale / n) / 0.87962566103423978} so that the
 * values' standard deviation after truncation at two standard deviations is {@code sqrt(scale /
 * n)}; the uniform draws in {@code [-sqrt(3 scale / n), sqrt(3 scale / n)]}.
 */
public class VarianceScaling extends RandomInitializer {
  /** The standard deviation of a unit normal truncated to [-2, 2]. */
  static final double TRUNCATED_STDDEV = 0.87962566103423978;

  private final double scale;
  private final String mode;
  private final String distribution;

  /** Keras's defaults: scale 1, fan_in, truncated_normal, unseeded. */
  public VarianceScaling() {
    this(1.0, "fan_in", "truncated_normal", null);
  }

  /**
   * @param mode one of fan_in, fan_out, fan_avg
   * @param distribution one of truncated_normal (or its alias normal), untruncated_normal, uniform
   */
  public VarianceScaling(double scale, String mode, String distribution, Long seed) {
    super(seed);
    if (!(scale > 0.0)) {
      throw new JKerasException("Argument `scale` must be positive float. Received: scale="
          + scale);
    }
    if (!mode.equals("fan_in") && !mode.equals("fan_out") && !mode.equals("fan_avg")) {
      throw new JKerasException("Invalid `mode` argument: " + mode
          + ". Please use one of {'fan_in', 'fan_out', 'fan_avg'}");
    }
    String d = distribution.toLowerCase(Locale.ROOT);
    if (d.equals("normal")) {
      d = "truncated_normal";
    }
    if (!d.equals("uniform") && !d.equals("truncated_normal") && !d.equals("untruncated_normal")) {
      throw new JKerasException("Invalid `distribution` argument: " + d
          + ".Please use one of {'uniform', 'truncated_normal', 'untruncated_normal'}");
    }
    this.scale = scale;
    this.mode = mode;
    this.distribution = d;
  }

  public double scale() {
    return scale;
  }

  public String mode() {
    return mode;
  }

  public String distribution() {
    return distribution;
  }

  /** The variance {@code scale / n} this initializer aims at for a weight of this shape. */
  public double variance(Shape shape) {
    Fans f = Fans.of(shape);
    double n = switch (mode) {
      case "fan_in" -> f.in();
      case "fan_out" -> f.out();
      default -> (f.in() + f.out()) / 2.0;
    };
    return scale / Math.max(1.0, n);
  }

  @Override
  public Tensor initialize(Shape shape) {
    double variance = variance(shape);
    int n = shape.sizeAsInt();
    return switch (distribution) {
      case "truncated_normal" -> Tensor.wrap(SeededRandom.truncatedNormal(n, 0f,
          (float) (Math.sqrt(variance) / TRUNCATED_STDDEV), drawSeed()), shape);
      case "untruncated_normal" ->
          Tensor.randomNormal(shape, 0f, (float) Math.sqrt(variance), drawSeed());
      default -> {
        float limit = (float) Math.sqrt(3.0 * variance);
        yield Tensor.randomUniform(shape, -limit, limit, drawSeed());
      }
    };
  }

  @Override
  public String className() {
    return "VarianceScaling";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("scale", scale);
    c.put("mode", mode);
    c.put("distribution", distribution);
    c.put("seed", seed());
    return c;
  }
}
