package org.jkeras.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

/** The random initializers' distributions on large tensors against Keras's formulas. */
class InitializerMomentsTest {
  private static final Shape DENSE = Shape.of(200, 300); // fan_in 200, fan_out 300
  private static final Shape CONV = Shape.of(3, 3, 16, 32); // fan_in 144, fan_out 288

  /** mean, std, min, max in float64. */
  private static double[] moments(Tensor t) {
    float[] v = t.toFloatArray();
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float x : v) {
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    double mean = sum / v.length;
    double ss = 0;
    for (float x : v) {
      ss += (x - mean) * (x - mean);
    }
    return new double[] {mean, Math.sqrt(ss / v.length), min, max};
  }

  /** Checks mean 0 (within 4 standard errors) and the standard deviation within 2%. */
  private static double[] checkMoments(Initializer init, Shape shape, double mean, double std) {
    Tensor t = init.initialize(shape);
    assertEquals(shape, t.shape());
    double[] m = moments(t);
    double stdErr = std / Math.sqrt(shape.size());
    assertEquals(mean, m[0], 4 * stdErr, init + ": mean");
    assertEquals(std, m[1], 0.02 * std, init + ": std");
    return m;
  }

  private static void checkUniform(Initializer init, Shape shape, double limit) {
    double[] m = checkMoments(init, shape, 0, limit / Math.sqrt(3));
    assertTrue(m[2] >= -limit && m[3] <= limit, init + ": within +-" + limit);
    assertTrue(m[2] < -0.99 * limit && m[3] > 0.99 * limit, init + ": fills the range");
  }

  /** A truncated normal with final std {@code std}: drawn at std / 0.8796, cut at 2 draws. */
  private static void checkTruncated(Initializer init, Shape shape, double std) {
    double bound = 2 * std / 0.87962566103423978;
    double[] m = checkMoments(init, shape, 0, std);
    assertTrue(m[2] >= -bound * 1.000001 && m[3] <= bound * 1.000001, init + ": truncation");
    assertTrue(m[2] < -0.98 * bound && m[3] > 0.98 * bound, init + ": reaches the bound");
  }

  @Test
  void glorotHeLecunOnADenseKernel() {
    checkUniform(new GlorotUniform(1L), DENSE, Math.sqrt(6.0 / 500));
    checkTruncated(new GlorotNormal(2L), DENSE, Math.sqrt(2.0 / 500));
    checkUniform(new HeUniform(3L), DENSE, Math.sqrt(6.0 / 200));
    checkTruncated(new HeNormal(4L), DENSE, Math.sqrt(2.0 / 200));
    checkUniform(new LecunUniform(5L), DENSE, Math.sqrt(3.0 / 200));
    checkTruncated(new LecunNormal(6L), DENSE, Math.sqrt(1.0 / 200));
  }

  @Test
  void convKernelFansCountTheReceptiveField() {
    assertEquals(144.0, Fans.of(CONV).in());
    assertEquals(288.0, Fans.of(CONV).out());
    assertEquals(new Fans(7, 7), Fans.of(Shape.of(7)));
    assertEquals(new Fans(1, 1), Fans.of(Shape.of()));
    checkTruncated(new HeNormal(7L), CONV, Math.sqrt(2.0 / 144));
    checkUniform(new GlorotUniform(8L), CONV, Math.sqrt(6.0 / (144 + 288)));
    checkUniform(new LecunUniform(9L), Shape.of(5, 40, 30), Math.sqrt(3.0 / 200));
  }

  @Test
  void varianceScalingModesAndDistributions() {
    checkMoments(new VarianceScaling(3.0, "fan_in", "untruncated_normal", 10L), DENSE, 0,
        Math.sqrt(3.0 / 200));
    checkMoments(new VarianceScaling(3.0, "fan_out", "untruncated_normal", 11L), DENSE, 0,
        Math.sqrt(3.0 / 300));
    checkMoments(new VarianceScaling(3.0, "fan_avg", "untruncated_normal", 12L), DENSE, 0,
        Math.sqrt(3.0 / 250));
    checkUniform(new VarianceScaling(0.5, "fan_out", "uniform", 13L), DENSE,
        Math.sqrt(3 * 0.5 / 300));
    checkTruncated(new VarianceScaling(2.0, "fan_avg", "truncated_normal", 14L), CONV,
        Math.sqrt(2.0 / 216));
    // "normal" is Keras's alias of truncated_normal; fans below 1 count as 1.
    VarianceScaling alias = new VarianceScaling(1.0, "fan_in", "Normal", 15L);
    assertEquals("truncated_normal", alias.distribution());
    assertEquals(1.0, new VarianceScaling().variance(Shape.of(0, 4)));
  }

  @Test
  void randomNormalUniformTruncated() {
    double[] n = checkMoments(new RandomNormal(1.5, 0.2, 20L), DENSE, 1.5, 0.2);
    assertTrue(n[3] - 1.5 > 3 * 0.2, "an untruncated normal has tails");
    checkMoments(new RandomNormal(), DENSE, 0, 0.05);
    double[] u = checkMoments(new RandomUniform(2, 4, 21L), DENSE, 3, 2 / Math.sqrt(12));
    assertTrue(u[2] >= 2 && u[3] < 4);
    checkUniform(new RandomUniform(), DENSE, 0.05);
    double[] t = checkMoments(new TruncatedNormal(-1, 0.5, 22L), DENSE, -1, 0.5 * 0.87962566);
    assertTrue(t[2] >= -2.0 - 1e-6 && t[3] <= 0.0 + 1e-6, "within two stddev of the mean");
    checkMoments(new TruncatedNormal(), DENSE, 0, 0.05 * 0.87962566);
  }
}
