package org.jkeras.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

class ConfusionMetricsTest {
  private static final double TOL = 1e-6;
  private static final Tensor LABELS = Tensor.of(new float[] {0, 0, 1, 1}, 4, 1);
  private static final Tensor PREDS = Tensor.of(new float[] {0.1f, 0.6f, 0.4f, 0.8f}, 4, 1);

  private static double auc(AUC m, Tensor weights) {
    m.updateState(LABELS, PREDS, weights);
    return m.result();
  }

  @Test
  void aucOnAHandComputedCase() {
    // Thresholds -1e-7, 0.5, 1+1e-7: (tp, fp, tn, fn) = (2,2,0,0), (1,1,1,1), (0,0,2,2).
    assertEquals(0.5, auc(new AUC(3, "ROC", "interpolation", "a"), null), TOL);
    assertEquals(0.25, auc(new AUC(3, "ROC", "minoring", "a"), null), TOL);
    assertEquals(0.75, auc(new AUC(3, "ROC", "majoring", "a"), null), TOL);
    assertEquals(0.5, auc(new AUC(3, "PR", "majoring", "a"), null), TOL);
    assertEquals(0.25, auc(new AUC(3, "PR", "minoring", "a"), null), TOL);
    // Interpolated PR: slope 1/2 and intercept 0 on both segments: 2 * (1/2 * 1 / 2).
    assertEquals(0.5, auc(new AUC(3, "PR", "interpolation", "a"), null), TOL);
    // Weights 1, 1, 2, 1: recall (1, 1/3, 0), false-positive rate (1, 1/2, 0).
    assertEquals(5.0 / 12, auc(new AUC(3, "ROC", "interpolation", "a"),
        Tensor.of(new float[] {1, 1, 2, 1})), TOL);
  }

  /** The threshold sum in float64, written independently of the metric. */
  private static double referenceRocAuc(float[] labels, float[] preds, float[] weights, int n) {
    double[] thr = new double[n];
    thr[0] = -1e-7;
    for (int i = 1; i < n - 1; i++) {
      thr[i] = (float) ((double) i / (n - 1));
    }
    thr[n - 1] = 1 + 1e-7;
    double[] tpr = new double[n];
    double[] fpr = new double[n];
    for (int t = 0; t < n; t++) {
      double tp = 0;
      double fp = 0;
      double pos = 0;
      double neg = 0;
      for (int i = 0; i < labels.length; i++) {
        double w = weights == null ? 1 : weights[i];
        boolean predicted = Math.min(Math.max(preds[i], 0), 1) > (float) thr[t];
        if (labels[i] != 0) {
          pos += w;
          tp += predicted ? w : 0;
        } else {
          neg += w;
          fp += predicted ? w : 0;
        }
      }
      tpr[t] = pos == 0 ? 0 : tp / pos;
      fpr[t] = neg == 0 ? 0 : fp / neg;
    }
    double area = 0;
    for (int t = 0; t < n - 1; t++) {
      area += (fpr[t] - fpr[t + 1]) * (tpr[t] + tpr[t + 1]) / 2;
    }
    return area;
  }

  @Test
  void defaultAucOverBatchesMatchesAFloat64Reference() {
    Tensor p1 = Tensor.randomUniform(Shape.of(40), 0f, 1f, 7);
    Tensor p2 = Tensor.randomUniform(Shape.of(30), 0f, 1f, 8);
    float[] l1 = new float[40];
    float[] l2 = new float[30];
    for (int i = 0; i < 40; i++) {
      l1[i] = p1.getFlat(i) + 0.3 * Math.sin(i) > 0.5 ? 1 : 0;
    }
    for (int i = 0; i < 30; i++) {
      l2[i] = p2.getFlat(i) + 0.3 * Math.cos(i) > 0.5 ? 1 : 0;
    }
    float[] w2 = Tensor.randomUniform(Shape.of(30), 0f, 2f, 9).toFloatArray();
    AUC m = new AUC();
    m.updateState(Tensor.of(l1), p1, null);
    assertEquals(referenceRocAuc(l1, p1.toFloatArray(), null, 200), m.result(), 1e-5);
    m.updateState(Tensor.of(l2), p2, Tensor.of(w2));
    float[] labels = new float[70];
    float[] preds = new float[70];
    float[] weights = new float[70];
    for (int i = 0; i < 70; i++) {
      labels[i] = i < 40 ? l1[i] : l2[i - 40];
      preds[i] = i < 40 ? p1.toFloatArray()[i] : p2.toFloatArray()[i - 40];
      weights[i] = i < 40 ? 1 : w2[i - 40];
    }
    assertEquals(referenceRocAuc(labels, preds, weights, 200), m.result(), 1e-5);
    m.resetState();
    assertEquals(0, m.result());
  }

  @Test
  void aucFromLogitsAndMultiLabel() {
    Tensor logits = Tensor.of(new float[] {-2.197f, 0.405f, -0.405f, 1.386f}, 4, 1);
    AUC fromLogits = new AUC(3, "ROC", "interpolation", "a", null, false, null, null, true);
    fromLogits.updateState(LABELS, logits, null);
    assertEquals(0.5, fromLogits.result(), TOL);
    // Two labels: the first column is the hand case, the second is perfectly ranked (AUC 1).
    Tensor y = Tensor.of(new float[] {0, 0, 0, 0, 1, 1, 1, 1}, 4, 2);
    Tensor p = Tensor.of(new float[] {0.1f, 0.2f, 0.6f, 0.3f, 0.4f, 0.7f, 0.8f, 0.9f}, 4, 2);
    AUC multi = new AUC(3, "ROC", "interpolation", "m", null, true, null, null, false);
    multi.updateState(y, p, null);
    assertEquals((0.5 + 1.0) / 2, multi.result(), TOL);
    AUC weighted = new AUC(3, "ROC", "interpolation", "m", null, true, null,
        new float[] {1, 3}, false);
    weighted.updateState(y, p, null);
    assertEquals((0.5 + 3.0) / 4, weighted.result(), TOL);
  }

  @Test
  void aucArgumentErrors() {
    JKerasException e = assertThrows(JKerasException.class,
        () -> new AUC(200, "RO", "interpolation", "a"));
    assertEquals("Invalid AUC curve value: \"RO\". Expected values are [\"PR\", \"ROC\"]",
        e.getMessage());
    e = assertThrows(JKerasException.class, () -> new AUC(1, "ROC", "interpolation", "a"));
    assertEquals("Argument `num_thresholds` must be an integer > 1. Received: num_thresholds=1",
        e.getMessage());
    AUC a = new AUC(5, "ROC", "interpolation", "a");
    assertArrayEquals(new float[] {-1e-7f, 0.25f, 0.5f, 0.75f, 1 + 1e-7f}, a.thresholds());
  }

  @Test
  void precisionAndRecallOverBatches() {
    Precision p = new Precision();
    Recall r = new Recall();
    Tensor y = Tensor.of(new float[] {1, 0, 1, 1, 0});
    Tensor pred = Tensor.of(new float[] {0.9f, 0.8f, 0.3f, 0.6f, 0.1f});
    p.updateState(y, pred, null);
    r.updateState(y, pred, null);
    assertEquals(2.0 / 3, p.result(), TOL);
    assertEquals(2.0 / 3, r.result(), TOL);
    Tensor y2 = Tensor.of(new float[] {1, 0}, 2, 1);
    Tensor pred2 = Tensor.of(new float[] {0.7f, 0.9f}, 2, 1);
    Tensor w2 = Tensor.of(new float[] {2, 3});
    p.updateState(y2, pred2, w2);
    r.updateState(y2, pred2, w2);
    assertEquals(4.0 / 8, p.result(), TOL); // tp 2 + 2, fp 1 + 3
    assertEquals(4.0 / 5, r.result(), TOL);
    p.resetState();
    assertEquals(0, p.result());
  }

  @Test
  void precisionWithThresholdsAndClassId() {
    Precision p = new Precision(List.of(0.3, 0.7), null, "p");
    p.updateState(Tensor.of(new float[] {1, 0, 1, 1, 0}),
        Tensor.of(new float[] {0.9f, 0.8f, 0.4f, 0.6f, 0.1f}), null);
    // > 0.3: 0.9, 0.8, 0.4, 0.6 (3 right of 4); > 0.7: 0.9, 0.8 (1 of 2).
    assertArrayEquals(new float[] {0.75f, 0.5f}, p.resultPerThreshold().toFloatArray(), 1e-6f);
    assertThrows(JKerasException.class, p::result);
    Recall r = new Recall(null, 1, "r");
    r.updateState(Tensor.of(new float[] {1, 0, 0, 1, 0, 1}, 3, 2),
        Tensor.of(new float[] {0.9f, 0.2f, 0.1f, 0.8f, 0.6f, 0.4f}, 3, 2), null);
    // Class 1: labels 0, 1, 1 against 0.2, 0.8, 0.4: one of two found.
    assertEquals(0.5, r.result(), TOL);
  }
}
