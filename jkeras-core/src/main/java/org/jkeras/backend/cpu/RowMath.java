package org.jkeras.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loops over one contiguous run of floats (a channels_last pixel, a row of taps):
 * the inner loops of the convolution and pooling kernels.
 */
final class RowMath {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private RowMath() {}

  /** {@code dst[d + i] += src[s + i]}. */
  static void add(float[] dst, int d, float[] src, int s, int len) {
    int i = 0;
    for (int end = S.loopBound(len); i < end; i += S.length()) {
      FloatVector.fromArray(S, dst, d + i).add(FloatVector.fromArray(S, src, s + i))
          .intoArray(dst, d + i);
    }
    for (; i < len; i++) {
      dst[d + i] += src[s + i];
    }
  }

  /** {@code dst[d + i] += scale * src[s + i]}. */
  static void addScaled(float[] dst, int d, float[] src, int s, float scale, int len) {
    int i = 0;
    FloatVector sv = FloatVector.broadcast(S, scale);
    for (int end = S.loopBound(len); i < end; i += S.length()) {
      FloatVector.fromArray(S, src, s + i).fma(sv, FloatVector.fromArray(S, dst, d + i))
          .intoArray(dst, d + i);
    }
    for (; i < len; i++) {
      dst[d + i] += scale * src[s + i];
    }
  }

  /** {@code dst[d + i] += a[p + i] * b[q + i]}. */
  static void addProduct(float[] dst, int d, float[] a, int p, float[] b, int q, int len) {
    int i = 0;
    for (int end = S.loopBound(len); i < end; i += S.length()) {
      FloatVector.fromArray(S, a, p + i).fma(FloatVector.fromArray(S, b, q + i),
          FloatVector.fromArray(S, dst, d + i)).intoArray(dst, d + i);
    }
    for (; i < len; i++) {
      dst[d + i] += a[p + i] * b[q + i];
    }
  }
}
