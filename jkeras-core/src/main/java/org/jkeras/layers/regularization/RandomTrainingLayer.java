package org.jkeras.layers.regularization;

import java.util.List;
import org.jkeras.layers.ShapePreservingLayer;
import org.jkeras.backend.SeedGenerator;
import org.jkeras.config.Config;
import org.jkeras.initializers.RandomSeeds;

/**
 * What Keras's random regularization layers share (Dropout, GaussianDropout, GaussianNoise):
 * a seeded random stream used in training only (its {@code seed} goes in each layer's config,
 * in Keras's key order), the input's shape and mask passed through.
 */
public abstract class RandomTrainingLayer extends ShapePreservingLayer {
  private Integer seed;
  private SeedGenerator seeds = new SeedGenerator(RandomSeeds.orNext(null));

  protected RandomTrainingLayer() {}

  /** Fixes the random stream: two layers with the same seed draw the same numbers. */
  protected void setSeed(Integer value) {
    this.seed = value;
    this.seeds = new SeedGenerator(RandomSeeds.orNext(value == null ? null : value.longValue()));
  }

  public Integer seed() {
    return seed;
  }

  /** The seed of the next random draw. */
  protected long nextSeed() {
    return seeds.next();
  }

  /** The config's {@code seed}, or null when it has none. */
  protected static Integer seedOf(Config c) {
    return c.has("seed") ? c.getInt("seed", 0) : null;
  }

  @Override
  public List<SeedGenerator> seedGenerators() {
    return List.of(seeds);
  }
}
