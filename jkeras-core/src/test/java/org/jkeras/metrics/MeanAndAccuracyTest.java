package org.jkeras.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

class MeanAndAccuracyTest {
  private static final double TOL = 1e-6;

  @Test
  void meanOfWeightedValuesAcrossBatchesAndReset() {
    Mean m = new Mean();
    assertEquals(0, m.result());
    m.update(2.0, 3);
    m.update(4.0, 1);
    assertEquals(10.0 / 4, m.result(), TOL);
    m.updateState(Tensor.of(new float[] {1, 3}), null);
    assertEquals(14.0 / 6, m.result(), TOL);
    // Rank-2 values with per-sample weights: each row is averaged first.
    m.updateState(Tensor.of(new float[] {1, 3, 5, 7}, 2, 2), Tensor.of(new float[] {2, 0}));
    assertEquals((14.0 + 4) / 8, m.result(), TOL);
    m.resetState();
    assertEquals(0, m.result());
    m.updateState(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2),
        Tensor.of(new float[] {1, 0, 1, 1}, 2, 2));
    // Weighted: 1 + 3 + 4 = 8 over rows; weights averaged per row: 0.5 + 1 = 1.5.
    assertEquals((0.5 * 1 + 0.5 * 0 + 0.5 * 3 + 0.5 * 4) / 1.5, m.result(), TOL);
    JKerasException e = assertThrows(JKerasException.class,
        () -> m.updateState(Tensor.zeros(2), Tensor.zeros(2), null));
    assertEquals("Mean 'mean' averages values: call updateState(values, sampleWeight) or "
        + "update(value, weight), not updateState(yTrue, yPred, sampleWeight).", e.getMessage());
  }

  @Test
  void sumAddsWeightedValues() {
    Sum s = new Sum();
    s.updateState(Tensor.of(new float[] {1, 2, 3}), Tensor.of(new float[] {1, 0, 2}));
    s.updateState(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2), Tensor.of(new float[] {1, 2}));
    assertEquals(7 + 3 + 14, s.result(), TOL);
    s.resetState();
    assertEquals(0, s.result());
  }

  @Test
  void binaryAccuracyOverBatchesWithWeights() {
    BinaryAccuracy m = new BinaryAccuracy();
    m.updateState(Tensor.of(new float[] {1, 0, 1, 0}, 4, 1),
        Tensor.of(new float[] {0.7f, 0.2f, 0.4f, 0.5f}, 4, 1), null);
    // 0.4 misses; 0.5 is not above the threshold, so it predicts 0 and is right.
    assertEquals(0.75, m.result(), TOL);
    m.updateState(Tensor.of(new float[] {1, 1}), Tensor.of(new float[] {0.9f, 0.1f}, 2, 1),
        Tensor.of(new float[] {3, 1}));
    assertEquals((3 + 3) / 8.0, m.result(), TOL);
    m.resetState();
    m.updateState(Tensor.ofInts(new int[] {1, 0}, 2), Tensor.of(new float[] {0.9f, 0.1f}), null);
    assertEquals(1.0, m.result(), TOL);
    BinaryAccuracy high = new BinaryAccuracy(0.8, "ba");
    high.updateState(Tensor.of(new float[] {1, 1}), Tensor.of(new float[] {0.9f, 0.7f}), null);
    assertEquals(0.5, high.result(), TOL);
  }

  @Test
  void categoricalAndSparseAccuracy() {
    Tensor pred = Tensor.of(new float[] {0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f, 0.2f, 0.3f, 0.5f},
        3, 3);
    Tensor oneHot = Tensor.of(new float[] {0, 1, 0, 0, 1, 0, 0, 0, 1}, 3, 3);
    CategoricalAccuracy cat = new CategoricalAccuracy();
    cat.updateState(oneHot, pred, null);
    assertEquals(2.0 / 3, cat.result(), TOL);
    cat.updateState(oneHot, pred, Tensor.of(new float[] {0, 5, 0}));
    assertEquals(2.0 / 8, cat.result(), TOL);
    cat.resetState();
    assertEquals(0, cat.result());

    SparseCategoricalAccuracy sparse = new SparseCategoricalAccuracy();
    sparse.updateState(Tensor.ofInts(new int[] {1, 1, 2}, 3), pred, null);
    assertEquals(2.0 / 3, sparse.result(), TOL);
    sparse.updateState(Tensor.of(new float[] {1, 0, 2}, 3, 1), pred,
        Tensor.of(new float[] {1, 1, 2}));
    assertEquals(6.0 / 7, sparse.result(), TOL);
  }

  @Test
  void topKAccuracies() {
    Tensor pred = Tensor.of(new float[] {0.1f, 0.6f, 0.3f, 0.0f, 0.5f, 0.2f, 0.2f, 0.1f}, 2, 4);
    TopKCategoricalAccuracy top2 = new TopKCategoricalAccuracy(2, "top2");
    top2.updateState(Tensor.of(new float[] {1, 0, 0, 0, 0, 0, 1, 0}, 2, 4), pred, null);
    // Row 0: class 0 is third; row 1: class 2 ties for second (0.2 == 0.2) and counts as in.
    assertEquals(0.5, top2.result(), TOL);
    SparseTopKCategoricalAccuracy sparse = new SparseTopKCategoricalAccuracy(1, "top1");
    sparse.updateState(Tensor.ofInts(new int[] {1, 0}, 2, 1), pred, null);
    assertEquals(1.0, sparse.result(), TOL);
    sparse.updateState(Tensor.ofInts(new int[] {3, 2}, 2), pred, Tensor.of(new float[] {1, 2}));
    assertEquals(2.0 / 5, sparse.result(), TOL);
    assertEquals(5, new TopKCategoricalAccuracy().getConfig().get("k"));
  }
}
