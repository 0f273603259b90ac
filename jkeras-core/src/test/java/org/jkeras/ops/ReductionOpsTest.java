package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class ReductionOpsTest {
  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  /** A float64 reference: groups the elements by their kept coordinates, then applies f. */
  private static double[] reference(Tensor x, int[] axes, ToDoubleFunction<double[]> f) {
    int[] dims = x.shape().dims();
    boolean[] red = new boolean[dims.length];
    for (int a : axes) {
      red[a < 0 ? a + dims.length : a] = true;
    }
    int groups = 1;
    for (int d = 0; d < dims.length; d++) {
      groups *= red[d] ? 1 : dims[d];
    }
    List<List<Double>> values = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      values.add(new ArrayList<>());
    }
    int[] idx = new int[dims.length];
    for (int i = 0; i < x.size(); i++) {
      int rem = i;
      for (int d = dims.length - 1; d >= 0; d--) {
        idx[d] = rem % dims[d];
        rem /= dims[d];
      }
      int g = 0;
      for (int d = 0; d < dims.length; d++) {
        if (!red[d]) {
          g = g * dims[d] + idx[d];
        }
      }
      values.get(g).add(x.getFlat(i));
    }
    double[] out = new double[groups];
    for (int g = 0; g < groups; g++) {
      out[g] = f.applyAsDouble(values.get(g).stream().mapToDouble(Double::doubleValue).toArray());
    }
    return out;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s;
  }

  private static double var(double[] v) {
    double m = sum(v) / v.length;
    double s = 0;
    for (double d : v) {
      s += (d - m) * (d - m);
    }
    return s / v.length;
  }

  private static double prod(double[] v) {
    double p = 1;
    for (double d : v) {
      p *= d;
    }
    return p;
  }

  private static final int[][] AXES = {{0}, {1}, {2}, {-1}, {0, 1}, {1, 2}, {0, 2}, {0, 1, 2}};

  @Test
  void reductionsMatchReferenceOverEveryAxisSet() {
    Tensor x = rand(1, 3, 4, 5);
    for (int[] axes : AXES) {
      for (boolean keep : new boolean[] {false, true}) {
        Shape expected = keep ? Axes.kept(x.shape(), Axes.normalize("t", x.shape(), axes))
            : outShape(x.shape(), axes);
        assertClose(reference(x, axes, ReductionOpsTest::sum), expected,
            ReductionOps.sum(x, axes, keep), 1e-6);
        assertClose(reference(x, axes, v -> sum(v) / v.length), expected,
            ReductionOps.mean(x, axes, keep), 1e-6);
        assertClose(reference(x, axes, v -> java.util.Arrays.stream(v).max().orElseThrow()),
            expected, ReductionOps.max(x, axes, keep), 0);
        assertClose(reference(x, axes, v -> java.util.Arrays.stream(v).min().orElseThrow()),
            expected, ReductionOps.min(x, axes, keep), 0);
        assertClose(reference(x, axes, ReductionOpsTest::prod), expected,
            ReductionOps.prod(x, axes, keep), 1e-6);
        assertClose(reference(x, axes, ReductionOpsTest::var), expected,
            ReductionOps.var(x, axes, keep), 1e-6);
        assertClose(reference(x, axes, v -> Math.sqrt(var(v))), expected,
            ReductionOps.std(x, axes, keep), 1e-6);
      }
    }
  }

  private static Shape outShape(Shape s, int[] axes) {
    int[] ax = Axes.normalize("t", s, axes);
    int[] out = new int[s.rank() - ax.length];
    for (int d = 0, j = 0; d < s.rank(); d++) {
      if (java.util.Arrays.binarySearch(ax, d) < 0) {
        out[j++] = s.dim(d);
      }
    }
    return Shape.of(out);
  }

  @Test
  void separatedAxesAndSizeOneAxes() {
    Tensor x = rand(2, 2, 3, 4, 5);
    Tensor ones = rand(3, 3, 1, 4, 1);
    for (int[] axes : new int[][] {{0, 2}, {1, 3}, {0, 1, 3}, {0, -1}}) {
      assertClose(reference(x, axes, ReductionOpsTest::sum), ReductionOps.sum(x, axes, false),
          1e-6);
      assertClose(reference(x, axes, v -> sum(v) / v.length), ReductionOps.mean(x, axes, true),
          1e-6);
      assertClose(reference(x, axes, v -> java.util.Arrays.stream(v).max().getAsDouble()),
          ReductionOps.max(x, axes, false), 0);
      assertClose(reference(x, axes, ReductionOpsTest::prod), ReductionOps.prod(x, axes, false),
          1e-6);
      assertClose(reference(x, axes, ReductionOpsTest::var), ReductionOps.var(x, axes, false),
          1e-6);
    }
    for (int[] axes : new int[][] {{0, 2}, {1, 3}, {1}, {0, 1, 2, 3}}) {
      assertClose(reference(ones, axes, ReductionOpsTest::sum),
          ReductionOps.sum(ones, axes, false), 1e-6);
      assertClose(reference(ones, axes, v -> Math.sqrt(var(v))),
          ReductionOps.std(ones, axes, true), 1e-6);
    }
    GradientCheck.standard().check(v -> ReductionOps.max(v.get(0), new int[] {1, 3}, false), x);
    GradientCheck.standard().check(v -> ReductionOps.std(v.get(0), new int[] {0, 2}, true), x);
  }

  @Test
  void overloadsAndScalars() {
    Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    assertClose(new double[] {21}, Shape.scalar(), ReductionOps.sum(x), 0);
    assertClose(new double[] {6, 15}, Shape.of(2), ReductionOps.sum(x, 1), 0);
    assertClose(new double[] {2.5, 3.5, 4.5}, Shape.of(1, 3), ReductionOps.mean(x, 0, true), 0);
    assertClose(new double[] {6}, Shape.scalar(), ReductionOps.max(x), 0);
    assertClose(new double[] {720}, Shape.scalar(), ReductionOps.prod(x), 0);
    assertClose(new double[] {35.0 / 12}, Shape.scalar(), ReductionOps.var(x), 1e-6);
    assertClose(new double[] {1.5, 1.5}, Shape.of(2, 1),
        ReductionOps.std(Tensor.of(new float[][] {{1, 4}, {-2, 1}}), -1, true), 1e-6);
    assertClose(new double[] {7}, Shape.scalar(), ReductionOps.sum(Tensor.scalar(7)), 0);
    assertEquals(Shape.of(2), ArrayOps.sum(x, new int[] {1}, false).shape());
  }

  @Test
  void largeReductionsAreAccurateAndUseEveryPath() {
    // 1e6 elements as one row: the vector blocks and the split over threads.
    Tensor big = Tensor.randomUniform(Shape.of(1_000_000), 0f, 1f, 5);
    double expected = 0;
    for (int i = 0; i < big.size(); i++) {
      expected += big.getFlat(i);
    }
    double got = ReductionOps.sum(big).item();
    assertEquals(expected, got, expected * 1e-6);
    assertEquals(expected / 1e6, ReductionOps.mean(big).item(), expected / 1e6 * 1e-6);
    // Leading-axis (column) and last-axis (row) reductions large enough to run in parallel,
    // with column counts that exercise the vector strips and the scalar tail.
    Tensor cols = Tensor.randomUniform(Shape.of(4001, 37), 0f, 1f, 6);
    assertClose(reference(cols, new int[] {0}, ReductionOpsTest::sum), ReductionOps.sum(cols, 0),
        1e-6);
    assertClose(reference(cols, new int[] {0}, ReductionOpsTest::var), ReductionOps.var(cols, 0),
        1e-5);
    assertClose(reference(cols, new int[] {0}, v -> java.util.Arrays.stream(v).max().getAsDouble()),
        ReductionOps.max(cols, 0), 0);
    Tensor wide = Tensor.randomUniform(Shape.of(3, 300, 200), -1f, 1f, 7);
    assertClose(reference(wide, new int[] {1}, ReductionOpsTest::sum), ReductionOps.sum(wide, 1),
        1e-5);
    Tensor rows = Tensor.randomUniform(Shape.of(300, 1001), -1f, 1f, 8);
    assertClose(reference(rows, new int[] {1}, v -> sum(v) / v.length),
        ReductionOps.mean(rows, -1), 1e-6);
    assertClose(reference(rows, new int[] {1}, v -> Math.sqrt(var(v))),
        ReductionOps.std(rows, -1), 1e-5);
    assertClose(reference(rows, new int[] {1}, v -> java.util.Arrays.stream(v).min().getAsDouble()),
        ReductionOps.min(rows, -1), 0);
  }

  @Test
  void maxAndMinPropagateNaN() {
    Tensor x = Tensor.of(new float[] {1, Float.NaN, 3, 0, 5, 2, 7, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28});
    assertEquals(Float.NaN, ReductionOps.max(x).item());
    assertEquals(Float.NaN, ReductionOps.min(x).item());
  }

  @Test
  void argmaxAndArgminReturnFirstIndexAsInt32() {
    Tensor x = Tensor.of(new float[][] {{1, 5, 5}, {7, 0, 0}});
    Tensor am = ReductionOps.argmax(x, 1);
    assertEquals(DType.INT32, am.dtype());
    assertClose(new double[] {1, 0}, Shape.of(2), am, 0);
    assertClose(new double[] {1, 0, 0}, Shape.of(3), ReductionOps.argmax(x, 0), 0);
    assertClose(new double[] {0, 1}, Shape.of(2, 1), ReductionOps.argmin(x, -1, true), 0);
    assertClose(new double[] {3}, Shape.scalar(), ReductionOps.argmax(x), 0);
    assertClose(new double[] {4}, Shape.scalar(), ReductionOps.argmin(x), 0);
    Tensor nan = Tensor.of(new float[] {1, Float.NaN, 9, Float.NaN});
    assertClose(new double[] {1}, Shape.scalar(), ReductionOps.argmax(nan), 0);
    Tensor r = rand(3, 4, 6, 5);
    Tensor a1 = ReductionOps.argmax(r, 1);
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 5; k++) {
        int best = 0;
        for (int j = 1; j < 6; j++) {
          best = r.getFloat(i, j, k) > r.getFloat(i, best, k) ? j : best;
        }
        assertEquals(best, a1.getLong(i, k));
      }
    }
  }

  @Test
  void gradientsOverAxesAndKeepdims() {
    GradientCheck check = GradientCheck.standard();
    Tensor x = rand(11, 2, 3, 4);
    Tensor positive = Tensor.randomUniform(Shape.of(2, 3, 4), 0.5f, 1.5f, 12);
    for (int[] axes : new int[][] {{0}, {-1}, {1, 2}, {0, 2}, {0, 1, 2}}) {
      for (boolean keep : new boolean[] {false, true}) {
        check.check(v -> ReductionOps.sum(v.get(0), axes, keep), x);
        check.check(v -> ReductionOps.mean(v.get(0), axes, keep), x);
        check.check(v -> ReductionOps.max(v.get(0), axes, keep), x);
        check.check(v -> ReductionOps.min(v.get(0), axes, keep), x);
        check.check(v -> ReductionOps.prod(v.get(0), axes, keep), positive);
        check.check(v -> ReductionOps.var(v.get(0), axes, keep), x);
        check.check(v -> ReductionOps.std(v.get(0), axes, keep), x);
      }
    }
    check.check(v -> ReductionOps.mean(v.get(0)), x);
    check.check(v -> ReductionOps.prod(v.get(0), 1),
        MathOps.multiply(positive, Tensor.of(new float[] {1, -1, 1, -1})));
  }

  @Test
  void maxGradientSplitsTiesAndProdGradientHandlesZeros() {
    Tensor x = Tensor.of(new float[][] {{3, 1, 3}, {2, 2, 2}});
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Tensor g = tape.gradient(ReductionOps.max(x, 1), x);
      assertClose(new double[] {0.5, 0, 0.5, 1 / 3.0, 1 / 3.0, 1 / 3.0}, g, 1e-7);
    }
    Tensor z = Tensor.of(new float[][] {{2, 0, 3}, {0, 4, 0}, {1, 2, 4}});
    try (GradientTape tape = new GradientTape()) {
      tape.watch(z);
      Tensor g = tape.gradient(ReductionOps.prod(z, 1), z);
      assertClose(new double[] {0, 6, 0, 0, 0, 0, 8, 4, 2}, g, 1e-7);
    }
    Tensor c = Tensor.full(Shape.of(3), 2f);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(c);
      assertClose(new double[] {0, 0, 0}, tape.gradient(ReductionOps.std(c), c), 0);
    }
  }

  @Test
  void errorsNameTheOpAndShape() {
    Tensor x = Tensor.ones(2, 3);
    var e = assertThrows(JKerasException.class, () -> ReductionOps.sum(x, 2));
    assertEquals("sum: axis 2 is out of bounds for a tensor of shape (2, 3) (rank 2); use an"
        + " axis in [-2, 1].", e.getMessage());
    e = assertThrows(JKerasException.class, () -> ReductionOps.mean(x, new int[] {1, -1}, false));
    assertEquals("mean: axis 1 appears twice in [1, -1] for a tensor of shape (2, 3).",
        e.getMessage());
    e = assertThrows(JKerasException.class,
        () -> ReductionOps.max(Tensor.ofInts(new int[] {1, 2}, 2)));
    assertEquals("max: expected a float32 tensor but got int32 with shape (2,); convert it to"
        + " float32 first.", e.getMessage());
    e = assertThrows(JKerasException.class, () -> ReductionOps.argmax(Tensor.zeros(2, 0), 1));
    assertEquals("argmax: cannot reduce axis 1 of shape (2, 0): it has size 0 and argmax of no"
        + " values is undefined.", e.getMessage());
    assertClose(new double[] {0, 0}, ReductionOps.sum(Tensor.zeros(2, 0), 1), 0);
  }
}
