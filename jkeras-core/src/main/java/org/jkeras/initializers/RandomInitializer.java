package org.jkeras.initializers;

import java.util.Map;
import org.jkeras.config.Config;

/**
 * What Keras's random initializers share: the {@code seed} argument. As in Keras 3, an unseeded
 * initializer takes a seed from the global stream ({@link RandomSeeds}) when it is created, so
 * every call of one instance gives the same values (reproducible after {@link
 * RandomSeeds#set(long)}), while a new instance (a new layer's default, a string name) gives new
 * ones. The config keeps {@code seed} as given: {@code null} when unseeded.
 */
public abstract class RandomInitializer extends KerasInitializer {
  private final Long seed;
  private final long drawSeed;

  protected RandomInitializer(Long seed) {
    this.seed = seed;
    this.drawSeed = seed != null ? seed : RandomSeeds.next();
  }

  /** The seed as configured (null when unseeded). */
  public Long seed() {
    return seed;
  }

  /** The seed every call of this instance draws with. */
  protected long drawSeed() {
    return drawSeed;
  }

  /** A config holding only {@code seed}, as Keras's glorot, he and lecun families write it. */
  protected Map<String, Object> seedConfig() {
    Map<String, Object> c = Config.map();
    c.put("seed", seed);
    return c;
  }
}
