package org.jkeras.layers.rnn;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.DType;
import org.jkeras.backend.SeedGenerator;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.ops.CompareOps;
import org.jkeras.ops.MathOps;

/**
 * The dropout masks of a recurrent layer, as Keras 3's {@code DropoutRNNCell}: drawn once per
 * call (so every step of a sequence uses the same mask), each entry 0 or {@code 1 / (1 - rate)},
 * from a seed stream started at the layer's {@code seed} (the same seed gives the same masks).
 */
final class RnnDropout {
  private final Long seed;
  private final SeedGenerator seeds;

  RnnDropout(Long seed) {
    this.seed = seed;
    this.seeds = new SeedGenerator(RandomSeeds.orNext(seed));
  }

  SeedGenerator generator() {
    return seeds;
  }

  Long seed() {
    return seed;
  }

  /** Keras applies a rate only when {@code 0 < rate < 1}. */
  static boolean applies(double rate) {
    return rate > 0 && rate < 1;
  }

  /** {@code count} independent masks of {@code shape}. */
  List<Tensor> masks(Shape shape, double rate, int count) {
    List<Tensor> out = new ArrayList<>(count);
    float keep = (float) (1 - rate);
    for (int i = 0; i < count; i++) {
      Tensor u = Tensor.randomUniform(shape, 0f, 1f, seeds.next());
      Tensor kept = MathOps.cast(CompareOps.less(u, keep), DType.FLOAT32);
      out.add(MathOps.multiply(kept, 1f / keep));
    }
    return out;
  }
}
