package org.jkeras.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

/** Orthogonal, identity and constant values, seeds, and the argument errors. */
class InitializerValuesTest {
  /** The Gram matrix of the columns of a {@code rows x cols} row-major matrix. */
  private static double[][] columnGram(float[] m, int rows, int cols) {
    double[][] g = new double[cols][cols];
    for (int a = 0; a < cols; a++) {
      for (int b = 0; b < cols; b++) {
        double s = 0;
        for (int r = 0; r < rows; r++) {
          s += (double) m[r * cols + a] * m[r * cols + b];
        }
        g[a][b] = s;
      }
    }
    return g;
  }

  private static float[] transpose(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = m[r * cols + c];
      }
    }
    return t;
  }

  private static void assertGram(double[][] g, double diagonal) {
    for (int a = 0; a < g.length; a++) {
      for (int b = 0; b < g.length; b++) {
        assertEquals(a == b ? diagonal : 0.0, g[a][b], 1e-5, "gram[" + a + "][" + b + "]");
      }
    }
  }

  @Test
  void orthogonalColumnsOrRowsWhicheverAreFewer() {
    float[] tall = new Orthogonal(1.0, 3L).initialize(Shape.of(7, 4)).toFloatArray();
    assertGram(columnGram(tall, 7, 4), 1.0);
    float[] wide = new Orthogonal(1.0, 3L).initialize(Shape.of(3, 8)).toFloatArray();
    assertGram(columnGram(transpose(wide, 3, 8), 8, 3), 1.0);
    float[] square = new Orthogonal(2.0, 4L).initialize(Shape.of(5, 5)).toFloatArray();
    assertGram(columnGram(square, 5, 5), 4.0);
    assertGram(columnGram(transpose(square, 5, 5), 5, 5), 4.0);
    // A conv kernel is a (3*3*2, 6) matrix with orthonormal columns.
    Tensor conv = new Orthogonal(1.0, 5L).initialize(Shape.of(3, 3, 2, 6));
    assertEquals(Shape.of(3, 3, 2, 6), conv.shape());
    assertGram(columnGram(conv.toFloatArray(), 18, 6), 1.0);
  }

  @Test
  void orthogonalNeedsTwoDimensions() {
    var e = assertThrows(JKerasException.class,
        () -> new Orthogonal().initialize(Shape.of(5)));
    assertEquals("The tensor to initialize must be at least two-dimensional. Received:"
        + " shape=(5,) of rank 1.", e.getMessage());
  }

  @Test
  void identityIsGainOnTheDiagonal() {
    assertArrayEquals(new float[] {2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0},
        new Identity(2.0).initialize(Shape.of(3, 4)).toFloatArray());
    assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0},
        new Identity().initialize(Shape.of(3, 2)).toFloatArray());
    var e = assertThrows(JKerasException.class,
        () -> new Identity().initialize(Shape.of(2, 3, 4)));
    assertEquals("Identity matrix initializer can only be used for 2D matrices. Received:"
        + " shape=(2, 3, 4) of rank 3.", e.getMessage());
  }

  @Test
  void constants() {
    assertArrayEquals(new float[] {0, 0, 0}, new Zeros().initialize(Shape.of(3)).toFloatArray());
    assertArrayEquals(new float[] {1, 1}, new Ones().initialize(Shape.of(2, 1)).toFloatArray());
    assertArrayEquals(new float[] {2.5f, 2.5f},
        new Constant(2.5).initialize(Shape.of(1, 2)).toFloatArray());
  }

  private static Initializer[] seededOnes(long seed) {
    return new Initializer[] {new GlorotUniform(seed), new GlorotNormal(seed),
        new HeUniform(seed), new HeNormal(seed), new LecunUniform(seed), new LecunNormal(seed),
        new RandomNormal(0, 1, seed), new RandomUniform(-1, 1, seed),
        new TruncatedNormal(0, 1, seed), new VarianceScaling(1, "fan_avg", "uniform", seed),
        new Orthogonal(1, seed)};
  }

  @Test
  void aSeedGivesTheSameValuesOnEveryCallAndInstance() {
    Initializer[] a = seededOnes(42);
    Initializer[] b = seededOnes(42);
    Initializer[] c = seededOnes(43);
    Shape s = Shape.of(6, 5);
    for (int i = 0; i < a.length; i++) {
      float[] first = a[i].initialize(s).toFloatArray();
      assertArrayEquals(first, a[i].initialize(s).toFloatArray(), a[i] + ": second call");
      assertArrayEquals(first, b[i].initialize(s).toFloatArray(), a[i] + ": same seed");
      assertFalse(Arrays.equals(first, c[i].initialize(s).toFloatArray()), a[i] + ": seed 43");
    }
  }

  @Test
  void unseededInstancesDrawTheirSeedFromTheGlobalStream() {
    Shape s = Shape.of(4, 5);
    RandomSeeds.set(7);
    GlorotUniform first = new GlorotUniform();
    GlorotUniform second = new GlorotUniform();
    float[] v1 = first.initialize(s).toFloatArray();
    // As in Keras 3: one unseeded instance repeats its values; a new instance gives new ones.
    assertArrayEquals(v1, first.initialize(s).toFloatArray());
    assertFalse(Arrays.equals(v1, second.initialize(s).toFloatArray()));
    assertEquals(null, first.seed());
    RandomSeeds.set(7);
    assertArrayEquals(v1, new GlorotUniform().initialize(s).toFloatArray(),
        "reproducible after RandomSeeds.set");
    RandomSeeds.set(7);
    assertArrayEquals(v1, Initializers.get("glorot_uniform").initialize(s).toFloatArray(),
        "a string name makes a new instance from the same stream");
  }

  @Test
  void varianceScalingArgumentErrors() {
    assertEquals("Argument `scale` must be positive float. Received: scale=-1.0",
        assertThrows(JKerasException.class,
            () -> new VarianceScaling(-1, "fan_in", "uniform", null)).getMessage());
    assertEquals("Invalid `mode` argument: fan_sum. Please use one of {'fan_in', 'fan_out',"
        + " 'fan_avg'}", assertThrows(JKerasException.class,
            () -> new VarianceScaling(1, "fan_sum", "uniform", null)).getMessage());
    assertEquals("Invalid `distribution` argument: gamma.Please use one of {'uniform',"
        + " 'truncated_normal', 'untruncated_normal'}", assertThrows(JKerasException.class,
            () -> new VarianceScaling(1, "fan_in", "Gamma", null)).getMessage());
  }
}
