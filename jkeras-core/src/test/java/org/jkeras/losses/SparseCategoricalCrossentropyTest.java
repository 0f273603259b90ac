package org.jkeras.losses;

import static org.jkeras.losses.LossesTest.distribution;
import static org.jkeras.losses.LossesTest.uniform;
import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

class SparseCategoricalCrossentropyTest {
  /** Per-sample reference: the categorical formula at the label's class. */
  private static double[] reference(int[] labels, Tensor pred, boolean logits) {
    double[][] rows = LossReference.rows(pred);
    double[] out = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = -LossReference.logProbs(rows[i], logits)[labels[i]];
    }
    return out;
  }

  @Test
  void intAndFloatLabelsInEveryLayout() {
    int[] labels = {2, 0, 1, 3, 3};
    Tensor p = distribution(1, 5, 4);
    Tensor logits = uniform(2, -3f, 3f, 5, 4);
    float[] asFloats = {2f, 0f, 1f, 3f, 3f};
    for (Tensor t : new Tensor[] {Tensor.ofInts(labels, 5), Tensor.ofInts(labels, 5, 1),
        Tensor.of(asFloats), Tensor.of(asFloats, 5, 1), Tensor.ofLongs(
            new long[] {2, 0, 1, 3, 3}, 5)}) {
      assertClose(reference(labels, p, false), new SparseCategoricalCrossentropy().call(t, p),
          1e-5);
      assertClose(reference(labels, logits, true),
          new SparseCategoricalCrossentropy(true).call(t, logits), 1e-5);
    }
  }

  @Test
  void rank3PredictionsWithWeights() {
    int[] labels = {0, 1, 2, 1, 0, 2};
    Tensor p = distribution(3, 2, 3, 3);
    Tensor t = Tensor.ofInts(labels, 2, 3);
    double[] per = reference(labels, p, false);
    Tensor w = Tensor.of(new float[] {1f, 0f, 2f, 1f, 1f, 0.5f}, 2, 3);
    double s = 0;
    for (int i = 0; i < per.length; i++) {
      s += per[i] * w.getFlat(i);
    }
    assertClose(new double[] {s / 6},
        new SparseCategoricalCrossentropy().compute(t, p, w), 1e-5);
  }

  @Test
  void outOfRangeLabelsAreNamed() {
    Tensor p = distribution(4, 3, 4);
    JKerasException e = assertThrows(JKerasException.class,
        () -> new SparseCategoricalCrossentropy().call(Tensor.ofInts(new int[] {1, 4, 0}, 3), p));
    assertEquals("sparse_categorical_crossentropy: label 4 (at flat position 1) is out of range "
        + "for 4 classes; labels must be integers in [0, 4).", e.getMessage());
    e = assertThrows(JKerasException.class, () -> new SparseCategoricalCrossentropy()
        .call(Tensor.of(new float[] {-1f, 0f, 0f}), p));
    assertEquals("sparse_categorical_crossentropy: label -1 (at flat position 0) is out of range "
        + "for 4 classes; labels must be integers in [0, 4).", e.getMessage());
  }

  @Test
  void mismatchedShapesAreNamed() {
    Tensor p = distribution(5, 3, 4);
    JKerasException e = assertThrows(JKerasException.class,
        () -> new SparseCategoricalCrossentropy().call(Tensor.ofInts(new int[] {1, 2}, 2), p));
    assertEquals("sparse_categorical_crossentropy: y_true of shape (2,) does not match y_pred of "
        + "shape (3, 4); y_true must have y_pred's shape without the class axis, (3,) (or with a "
        + "last axis of size 1).", e.getMessage());
  }

  @Test
  void ignoreClassDropsThoseSamplesFromTheAverage() {
    int[] labels = {1, -1, 2, 0};
    Tensor p = distribution(6, 4, 3);
    Loss loss = new SparseCategoricalCrossentropy(false, -1, -1, "sum_over_batch_size", "scce");
    double[] per = reference(new int[] {1, 0, 2, 0}, p, false);
    assertClose(new double[] {per[0], 0, per[2], per[3]},
        loss.call(Tensor.ofInts(labels, 4), p), 1e-5);
    assertClose(new double[] {(per[0] + per[2] + per[3]) / 3},
        loss.compute(Tensor.ofInts(labels, 4), p, null), 1e-5);
  }
}
