package org.jkeras.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.TensorAssert;
import org.junit.jupiter.api.Test;

/** MaxNorm, MinMaxNorm, NonNeg, UnitNorm: projections against hand computations, and configs. */
class ConstraintsTest {
  private static final double EPS = 1e-7;
  // Columns: (3, 4) norm 5, (0.6, 0.8) norm 1, (-1, 0) norm 1.
  private static final Tensor W = Tensor.of(new float[][] {{3f, 0.6f, -1f}, {4f, 0.8f, 0f}});

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** W with each column scaled to norm {@code desired[col]} (Keras: w * d / (eps + n)). */
  private static double[] scaledColumns(double... desired) {
    double[] norms = {5, 1, 1};
    double[][] w = {{3, 0.6, -1}, {4, 0.8, 0}};
    double[] out = new double[6];
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 3; c++) {
        out[r * 3 + c] = w[r][c] * desired[c] / (EPS + norms[c]);
      }
    }
    return out;
  }

  @Test
  void maxNormClipsEachColumnNorm() {
    TensorAssert.assertClose(scaledColumns(2, 1, 1), new MaxNorm().apply(W), 1e-6);
    TensorAssert.assertClose(scaledColumns(0.5, 0.5, 0.5), new MaxNorm(0.5).apply(W), 1e-6);
    // axis 1: row norms sqrt(9 + 0.36 + 1) and sqrt(16 + 0.64), clipped to 3.
    double r0 = Math.sqrt(10.36);
    double r1 = Math.sqrt(16.64);
    double[] rows = {3 * 3 / r0, 0.6 * 3 / r0, -1 * 3 / r0, 4 * 3 / r1, 0.8 * 3 / r1, 0};
    TensorAssert.assertClose(rows, new MaxNorm(3, 1).apply(W), 1e-5);
  }

  @Test
  void maxNormOverSeveralAxesNormsEachFilter() {
    // A (1, 2, 1, 2) "conv kernel": filter 0 is (3, 4), filter 1 is (1, 1).
    Tensor k = Tensor.of(new float[] {3, 1, 4, 1}, 1, 2, 1, 2);
    double s = Math.sqrt(2);
    TensorAssert.assertClose(new double[] {3 * 2 / 5.0, 1, 4 * 2 / 5.0, 1},
        new MaxNorm(2, 0, 1, 2).apply(k), 1e-6);
    TensorAssert.assertClose(new double[] {3 / 5.0, 1 / s, 4 / 5.0, 1 / s},
        new UnitNorm(0, 1, 2).apply(k), 1e-6);
  }

  @Test
  void minMaxNormMovesNormsIntoTheRange() {
    TensorAssert.assertClose(scaledColumns(1, 1, 1), new MinMaxNorm().apply(W), 1e-6);
    TensorAssert.assertClose(scaledColumns(2, 1.5, 1.5), new MinMaxNorm(1.5, 2).apply(W),
        1e-6);
    // rate 0.5: half way between the norm and its clipped value.
    TensorAssert.assertClose(scaledColumns(0.5 * 2 + 0.5 * 5, 0.5 * 1.5 + 0.5, 0.5 * 1.5 + 0.5),
        new MinMaxNorm(1.5, 2, 0.5, 0).apply(W), 1e-6);
  }

  @Test
  void nonNegAndUnitNorm() {
    TensorAssert.assertClose(new double[] {3, 0.6, 0, 4, 0.8, 0}, new NonNeg().apply(W), 1e-7);
    TensorAssert.assertClose(scaledColumns(1, 1, 1), new UnitNorm().apply(W), 1e-6);
    // Inputs are not modified.
    TensorAssert.assertClose(new double[] {3, 0.6, -1, 4, 0.8, 0}, W, 1e-7);
  }

  @Test
  void configsAndNamesAsKeras() {
    Object[][] cases = {
        {new MaxNorm(), "MaxNorm", map("max_value", 2, "axis", 0)},
        {new MaxNorm(3.0, 0, 1, 2), "MaxNorm", map("max_value", 3.0, "axis", List.of(0, 1, 2))},
        {new MinMaxNorm(), "MinMaxNorm",
            map("min_value", 0.0, "max_value", 1.0, "rate", 1.0, "axis", 0)},
        {new NonNeg(), "NonNeg", map()},
        {new UnitNorm(), "UnitNorm", map("axis", 0)},
        {new UnitNorm(-1), "UnitNorm", map("axis", -1)},
    };
    for (Object[] c : cases) {
      Map<String, Object> s = Constraints.serialize((Constraint) c[0]);
      assertEquals(map("module", "keras.constraints", "class_name", c[1], "config", c[2],
          "registered_name", null), s);
      Constraint back = Constraints.deserialize(s);
      assertEquals(c[0], back, c[1] + " round trip");
      assertEquals(s, Constraints.serialize(back));
    }
    assertEquals(new MaxNorm(), Constraints.get("max_norm"));
    assertEquals(new MinMaxNorm(), Constraints.get("min_max_norm"));
    assertEquals(new NonNeg(), Constraints.get("non_neg"));
    assertEquals(new UnitNorm(), Constraints.get("unit_norm"));
    assertEquals(new UnitNorm(), Constraints.get("UnitNorm"));
    assertNull(Constraints.get(null));
    assertNull(Constraints.serialize(null));
    var e = assertThrows(JKerasException.class, () -> Constraints.get("positive"));
    assertTrue(e.getMessage().startsWith("Could not interpret constraint identifier: positive."),
        e.getMessage());
    var bad = assertThrows(JKerasException.class, () -> Constraints.deserialize(
        map("class_name", "UnitNorm", "config", map("axis", "rows"))));
    assertEquals("Constraint `axis` should be an int or a list of ints. Received: axis=rows",
        bad.getMessage());
  }
}
