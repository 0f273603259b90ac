package org.jkeras.losses;

import static org.jkeras.losses.LossesTest.binaryLabels;
import static org.jkeras.losses.LossesTest.distribution;
import static org.jkeras.losses.LossesTest.oneHot;
import static org.jkeras.losses.LossesTest.uniform;

import java.util.List;
import org.jkeras.backend.Tensor;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/** Every loss's gradient with respect to {@code yPred}, per sample and reduced with weights. */
class LossGradientTest {
  private static final GradientCheck CHECK = GradientCheck.standard();
  private static final Tensor WEIGHTS = Tensor.of(new float[] {0.5f, 2f, 1f, 1.5f});

  private static void check(Loss loss, Tensor yTrue, Tensor yPred) {
    CHECK.check(xs -> loss.call(yTrue, xs.get(0)), yPred);
    CHECK.check(xs -> loss.compute(yTrue, xs.get(0), null), yPred);
    CHECK.check(xs -> loss.compute(yTrue, xs.get(0), WEIGHTS), yPred);
  }

  @Test
  void crossentropies() {
    check(new BinaryCrossentropy(), binaryLabels(1, 4, 3), uniform(2, 0.05f, 0.95f, 4, 3));
    check(new BinaryCrossentropy(false, 0.2), binaryLabels(1, 4, 3),
        uniform(2, 0.05f, 0.95f, 4, 3));
    check(new BinaryCrossentropy(true, 0.1), binaryLabels(3, 4, 3), uniform(4, -3f, 3f, 4, 3));
    check(new CategoricalCrossentropy(), oneHot(5, 4, 3), distribution(6, 4, 3));
    check(new CategoricalCrossentropy(false, 0.2), oneHot(5, 4, 3), distribution(6, 4, 3));
    check(new CategoricalCrossentropy(true, 0.1), oneHot(7, 4, 3), uniform(8, -3f, 3f, 4, 3));
    Tensor labels = Tensor.ofInts(new int[] {2, 0, 1, 2}, 4);
    check(new SparseCategoricalCrossentropy(), labels, distribution(9, 4, 3));
    check(new SparseCategoricalCrossentropy(true), labels, uniform(10, -3f, 3f, 4, 3));
    check(new KLDivergence(), distribution(11, 4, 3), distribution(12, 4, 3));
    check(new Poisson(), uniform(13, 0f, 3f, 4, 3), uniform(14, 0.2f, 3f, 4, 3));
  }

  @Test
  void regressionLosses() {
    Tensor t = uniform(20, -2f, 2f, 4, 3);
    // Predictions kept away from the labels (|e| >= 0.2) so |e| has no kink nearby.
    float[] off = uniform(21, 0.2f, 0.9f, 4, 3).toFloatArray();
    float[] tv = t.toFloatArray();
    for (int i = 0; i < off.length; i++) {
      off[i] = tv[i] + (i % 2 == 0 ? off[i] : -off[i]);
    }
    Tensor p = Tensor.of(off, 4, 3);
    for (Loss loss : List.of(new MeanSquaredError(), new MeanAbsoluteError(),
        new MeanAbsolutePercentageError(), new Huber(), new Huber(0.5), new LogCosh(),
        new CosineSimilarity())) {
      check(loss, t, p);
    }
    check(new MeanSquaredLogarithmicError(), uniform(22, 0.1f, 3f, 4, 3),
        uniform(23, 0.1f, 3f, 4, 3));
  }

  @Test
  void marginLosses() {
    Tensor t = binaryLabels(30, 4, 3);
    // y*p away from 1: scores in +-[1.3, 2] or +-[0, 0.7].
    float[] u = uniform(31, 0f, 0.7f, 4, 3).toFloatArray();
    for (int i = 0; i < u.length; i++) {
      u[i] = (i % 3 == 0 ? 1.3f + u[i] : u[i]) * (i % 2 == 0 ? 1 : -1);
    }
    Tensor p = Tensor.of(u, 4, 3);
    check(new Hinge(), t, p);
    check(new SquaredHinge(), t, p);
    Tensor cat = Tensor.of(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0}, 4, 3);
    Tensor scores = Tensor.of(
        new float[] {0.2f, 0.9f, -0.4f, 0.1f, 1.5f, 0.3f, 0.5f, -0.6f, 0.8f, 3f, 0.1f, 0.4f},
        4, 3);
    check(new CategoricalHinge(), cat, scores);
  }
}
