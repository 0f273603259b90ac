package org.jkeras.backend;

import java.util.SplittableRandom;

/** Deterministic random numbers: the same seed gives the same values on every run and JVM. */
public final class SeededRandom {
  private SeededRandom() {}

  public static float[] normal(int n, float mean, float stddev, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      out[k] = (float) (mean + stddev * r.nextGaussian());
    }
    return out;
  }

  public static float[] uniform(int n, float min, float max, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] out = new float[n];
    float range = max - min;
    for (int k = 0; k < n; k++) {
      out[k] = min + range * (float) r.nextDouble();
    }
    return out;
  }

  /** Normal values redrawn until they lie within two standard deviations, as Keras's truncated normal. */
  public static float[] truncatedNormal(int n, float mean, float stddev, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      double g;
      do {
        g = r.nextGaussian();
      } while (Math.abs(g) > 2.0);
      out[k] = (float) (mean + stddev * g);
    }
    return out;
  }
}
