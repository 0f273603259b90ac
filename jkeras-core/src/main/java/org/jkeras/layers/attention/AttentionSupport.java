package org.jkeras.layers.attention;

import org.jkeras.backend.DType;
import org.jkeras.backend.SeedGenerator;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.CompareOps;
import org.jkeras.ops.MathOps;

/**
 * What Attention and MultiHeadAttention share: masks as float 0/1 tensors (multiplying two is
 * their logical and), the causal mask, Keras's additive masking before the softmax, and dropout
 * of the attention weights.
 */
final class AttentionSupport {
  /** Keras subtracts this from masked scores (float32), so they vanish in the softmax. */
  static final float LARGE = 1e9f;

  private AttentionSupport() {}

  /** A mask of any dtype as float32 ones (attend) and zeros (do not). */
  static Tensor asFloat(Tensor mask) {
    if (mask == null) {
      return null;
    }
    return mask.dtype() == DType.FLOAT32
        ? MathOps.cast(CompareOps.notEqual(mask, 0f), DType.FLOAT32)
        : MathOps.cast(mask, DType.FLOAT32);
  }

  /** The logical and of two float masks, either of which may be null. */
  static Tensor and(Tensor a, Tensor b) {
    return a == null ? b : b == null ? a : MathOps.multiply(a, b);
  }

  /** {@code (1, tq, tv)}: query position i may attend to key positions j <= i. */
  static Tensor causal(int tq, int tv) {
    float[] m = new float[tq * tv];
    for (int i = 0; i < tq; i++) {
      for (int j = 0; j <= i && j < tv; j++) {
        m[i * tv + j] = 1f;
      }
    }
    return Tensor.wrap(m, Shape.of(1, tq, tv));
  }

  /** {@code scores - 1e9 * (1 - mask)}, broadcasting the mask; no mask leaves scores alone. */
  static Tensor applyMask(Tensor scores, Tensor mask) {
    if (mask == null) {
      return scores;
    }
    return MathOps.subtract(scores, MathOps.multiply(MathOps.subtract(1f, mask), LARGE));
  }

  /** Inverted dropout: each weight kept with probability {@code 1 - rate}, kept ones scaled. */
  static Tensor dropout(Tensor weights, double rate, SeedGenerator seeds) {
    Tensor u = Tensor.randomUniform(weights.shape(), 0f, 1f, seeds.next());
    Tensor keep = MathOps.cast(CompareOps.greaterEqual(u, (float) rate), DType.FLOAT32);
    return MathOps.multiply(MathOps.multiply(weights, keep), (float) (1.0 / (1.0 - rate)));
  }

  /**
   * Keras's {@code _compute_attention_mask}: the query mask as {@code (B, T, 1)}, the value and
   * key masks as {@code (B, 1, S)}, the causal mask {@code (1, T, S)} when {@code causalSize}
   * ({@code [T, S]}) is given, and the explicit {@code (B, T, S)} mask, all and-ed; any may be
   * null, and null comes back when all are.
   */
  static Tensor attentionMask(Tensor queryMask, Tensor valueMask, Tensor keyMask,
      int[] causalSize, Tensor given) {
    Tensor qm = asFloat(queryMask);
    Tensor vm = asFloat(valueMask);
    Tensor km = asFloat(keyMask);
    Tensor m = qm == null ? null : ArrayOps.expandDims(qm, -1);
    m = and(m, vm == null ? null : ArrayOps.expandDims(vm, -2));
    m = and(m, km == null ? null : ArrayOps.expandDims(km, -2));
    if (causalSize != null) {
      m = and(m, causal(causalSize[0], causalSize[1]));
    }
    return and(asFloat(given), m);
  }
}
