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

/** Adds zero-mean Gaussian noise of {@code stddev} in training only, as Keras's GaussianNoise. */
public class GaussianNoise extends Layer {
  private final double stddev;
  private Integer seed;
  private SeedGenerator seeds;

  public GaussianNoise(double stddev) {
    if (!(stddev >= 0 && stddev <= 1)) {
      throw new JKerasException("Invalid value received for argument `stddev`. Expected a float"
          + " value between 0 and 1. Received: stddev=" + stddev);
    }
    this.stddev = stddev;
    this.seeds = new SeedGenerator(RandomSeeds.orNext(null));
  }

  public double stddev() {
    return stddev;
  }

  /** Fixes the random stream: two layers with the same seed draw the same noise. */
  public GaussianNoise seed(Integer value) {
    this.seed = value;
    this.seeds = new SeedGenerator(RandomSeeds.orNext(value == null ? null : value.longValue()));
    return this;
  }

  @Override
  public GaussianNoise name(String newName) {
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
    if (!context.training() || stddev == 0) {
      return List.of(x);
    }
    return List.of(MathOps.add(x,
        Tensor.randomNormal(x.shape(), 0f, (float) stddev, seeds.next())));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("stddev", stddev);
    c.put("seed", seed);
    return c;
  }

  /** A GaussianNoise layer from its Keras config. */
  public static GaussianNoise fromConfig(Config c) {
    GaussianNoise layer = new GaussianNoise(c.getDouble("stddev", 0.0));
    layer.applyBaseConfig(c);
    return layer.seed(c.has("seed") ? c.getInt("seed", 0) : null);
  }

  @Override
  public List<SeedGenerator> seedGenerators() {
    return List.of(seeds);
  }
}
