package org.jkeras.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/** L1, L2, L1L2: penalties against hand sums, gradients, names and configs. */
class RegularizersTest {
  private static final Tensor X = Tensor.of(new float[][] {{0.5f, -1.5f, 2f}, {-0.25f, 1f, 3f}});
  private static final double ABS = 0.5 + 1.5 + 2 + 0.25 + 1 + 3;
  private static final double SQ = 0.25 + 2.25 + 4 + 0.0625 + 1 + 9;

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void penaltiesAreScalarsOfTheHandSums() {
    Tensor l1 = new L1(0.3).apply(X);
    assertEquals(0, l1.rank());
    assertEquals(0.3 * ABS, l1.item(), 1e-5);
    assertEquals(0.1 * SQ, new L2(0.1).apply(X).item(), 1e-5);
    assertEquals(0.2 * ABS + 0.05 * SQ, new L1L2(0.2, 0.05).apply(X).item(), 1e-5);
    assertEquals(0.05 * SQ, new L1L2(0, 0.05).apply(X).item(), 1e-5);
    assertEquals(0.2 * ABS, new L1L2(0.2, 0).apply(X).item(), 1e-5);
    assertEquals(0.0, new L1L2().apply(X).item());
    // Keras's docstring example: L2(2) of ones(5, 5) is 50.
    assertEquals(50.0, new L2(2).apply(Tensor.ones(5, 5)).item(), 1e-6);
  }

  @Test
  void gradientsFlowThroughThePenalties() {
    Tensor x = Tensor.of(new float[][] {{0.5f, -1.5f}, {-0.25f, 1f}}); // away from 0 for |x|
    GradientCheck.standard().check(in -> new L1(0.3).apply(in.get(0)), x);
    GradientCheck.standard().check(in -> new L2(0.7).apply(in.get(0)), x);
    GradientCheck.standard().check(in -> new L1L2(0.2, 0.4).apply(in.get(0)), x);
  }

  @Test
  void stringNamesUseKerasDefaults() {
    assertEquals(new L1(0.01), Regularizers.get("l1"));
    assertEquals(new L2(0.01), Regularizers.get("l2"));
    assertEquals(new L1L2(0.01, 0.01), Regularizers.get("l1_l2"));
    assertEquals(new L1L2(0, 0), Regularizers.get("l1l2")); // Keras 3's snake case of L1L2
    assertEquals(new L2(0.01), Regularizers.get("L2"));
    assertEquals(new L1L2(0, 0), Regularizers.get("L1L2"));
    Regularizer mine = x -> x;
    assertSame(mine, Regularizers.get(mine));
    assertNull(Regularizers.get(null));
    var e = assertThrows(JKerasException.class, () -> Regularizers.get("l3"));
    assertTrue(e.getMessage().startsWith("Could not interpret regularizer identifier: l3."),
        e.getMessage());
  }

  @Test
  void configsAsKerasWritesThem() {
    Object[][] cases = {
        {new L1(0.01), "L1", map("l1", 0.009999999776482582)}, // float32 in Keras 3.1
        {new L2(0.01), "L2", map("l2", 0.01)},
        {new L1L2(0.5, 0.25), "L1L2", map("l1", 0.5, "l2", 0.25)},
    };
    for (Object[] c : cases) {
      Map<String, Object> s = Regularizers.serialize((Regularizer) c[0]);
      assertEquals(map("module", "keras.regularizers", "class_name", c[1], "config", c[2],
          "registered_name", null), s);
      assertEquals(s, Regularizers.serialize(Regularizers.deserialize(s)), c[1] + " round trip");
      assertEquals(List.copyOf(((Map<?, ?>) c[2]).keySet()),
          List.copyOf(Regularizers.deserialize(s).getConfig().keySet()));
    }
    assertNull(Regularizers.serialize(null));
    assertInstanceOf(L1L2.class, Regularizers.deserialize(
        map("class_name", "L1L2", "config", map("l1", 0.0, "l2", 0.1))));
  }

  @Test
  void negativeFactorsAreRejected() {
    assertEquals("Invalid value for argument l2: expected a non-negative float.Received:"
        + " l2=-0.5", assertThrows(JKerasException.class, () -> new L2(-0.5)).getMessage());
    assertThrows(JKerasException.class, () -> new L1(Double.NaN));
    assertThrows(JKerasException.class, () -> new L1L2(0, Double.POSITIVE_INFINITY));
  }

  /** Keras's formula in float64: mean |cosine| over pairs of rows, times factor / 2. */
  private static double orthogonalPenalty(double[][] m, double factor) {
    int n = m.length;
    double total = 0;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a != b) {
          double dot = 0;
          double na = 0;
          double nb = 0;
          for (int k = 0; k < m[a].length; k++) {
            dot += m[a][k] * m[b][k];
            na += m[a][k] * m[a][k];
            nb += m[b][k] * m[b][k];
          }
          total += Math.abs(dot / Math.sqrt(na * nb));
        }
      }
    }
    return factor * 0.5 * total / (n * (n - 1) / 2.0);
  }

  @Test
  void orthogonalRegularizerRowsAndColumns() {
    double[][] rows = {{0.5, -1.5, 2}, {-0.25, 1, 3}};
    double[][] cols = {{0.5, -0.25}, {-1.5, 1}, {2, 3}};
    assertEquals(orthogonalPenalty(rows, 0.3), new OrthogonalRegularizer(0.3, "rows").apply(X)
        .item(), 1e-6);
    assertEquals(orthogonalPenalty(cols, 0.3), new OrthogonalRegularizer(0.3, "columns")
        .apply(X).item(), 1e-6);
    // (X's columns 1 and 2 are orthogonal: |dot| has a kink there, so check elsewhere.)
    Tensor y = Tensor.of(new float[][] {{0.5f, -1.5f, 2f}, {-0.25f, 1f, 1f}});
    GradientCheck.standard().check(in -> new OrthogonalRegularizer(1, "columns").apply(in.get(0)),
        y);
    GradientCheck.standard().check(in -> new OrthogonalRegularizer(1, "rows").apply(in.get(0)), X);
    Map<String, Object> s = Regularizers.serialize(new OrthogonalRegularizer());
    assertEquals(map("factor", 0.009999999776482582, "mode", "rows"), s.get("config"));
    assertEquals(s, Regularizers.serialize(Regularizers.deserialize(s)));
    assertEquals(new OrthogonalRegularizer(), Regularizers.get("orthogonal_regularizer"));
    assertEquals("Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape=(3,)",
        assertThrows(JKerasException.class,
            () -> new OrthogonalRegularizer().apply(Tensor.ones(3))).getMessage());
    assertEquals("Invalid value for argument `mode`. Expected one of {\"rows\", \"columns\"}."
        + " Received: mode=diag", assertThrows(JKerasException.class,
            () -> new OrthogonalRegularizer(0.1, "diag")).getMessage());
  }
}
