package org.jkeras.layers.regularization;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.SeedGenerator;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.ops.MathOps;

/**
 * Multiplies by Gaussian noise of mean 1 and standard deviation {@code sqrt(rate / (1 - rate))}
 * in training only, as Keras's GaussianDropout.
 */
public class GaussianDropout extends Layer {
  private final double rate;
  private Integer seed;
  private SeedGenerator seeds;

  public GaussianDropout(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new JKerasException("Invalid value received for argument `rate`. Expected a float"
          + " value between 0 and 1. Received: rate=" + rate);
    }
    this.rate = rate;
    this.seeds = new SeedGenerator(RandomSeeds.orNext(null));
  }

  public double rate() {
    return rate;
  }

  /** Fixes the random stream: two layers with the same seed draw the same noise. */
  public GaussianDropout seed(Integer value) {
    this.seed = value;
    this.seeds = new SeedGenerator(RandomSeeds.orNext(value == null ? null : value.longValue()));
    return this;
  }

  @Override
  public GaussianDropout name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected boolean supportsMasking() {
    return true;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    return List.of(inputShapes.get(0));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    if (!context.training() || rate == 0) {
      return List.of(x);
    }
    float stddev = (float) Math.sqrt(rate / (1.0 - rate));
    return List.of(MathOps.multiply(x, Tensor.randomNormal(x.shape(), 1f, stddev, seeds.next())));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rate", rate);
    c.put("seed", seed);
    return c;
  }

  /** A GaussianDropout layer from its Keras config. */
  public static GaussianDropout fromConfig(Config c) {
    GaussianDropout layer = new GaussianDropout(c.getDouble("rate", 0.0));
    layer.applyBaseConfig(c);
    return layer.seed(c.has("seed") ? c.getInt("seed", 0) : null);
  }

  @Override
  public List<SeedGenerator> seedGenerators() {
    return List.of(seeds);
  }
}
