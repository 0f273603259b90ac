package org.jkeras.losses;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.MathOps;
import org.junit.jupiter.api.Test;

/** Every loss against an independent float64 formula, over several shapes and weightings. */
class LossesTest {
  private static final double TOL = 2e-5;

  static Tensor uniform(long seed, float lo, float hi, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), lo, hi, seed);
  }

  /** 0/1 labels. */
  static Tensor binaryLabels(long seed, int... shape) {
    float[] u = uniform(seed, 0f, 1f, shape).toFloatArray();
    for (int i = 0; i < u.length; i++) {
      u[i] = u[i] < 0.5f ? 0f : 1f;
    }
    return Tensor.of(u, shape);
  }

  /** One-hot rows over the last axis. */
  static Tensor oneHot(long seed, int... shape) {
    int last = shape[shape.length - 1];
    float[] u = uniform(seed, 0f, 1f, shape).toFloatArray();
    float[] out = new float[u.length];
    for (int r = 0; r < u.length / last; r++) {
      out[r * last + (int) (u[r * last] * last)] = 1f;
    }
    return Tensor.of(out, shape);
  }

  /** Rows of positive values summing to 1. */
  static Tensor distribution(long seed, int... shape) {
    int last = shape[shape.length - 1];
    float[] u = uniform(seed, 0.1f, 1f, shape).toFloatArray();
    for (int r = 0; r < u.length / last; r++) {
      float s = 0;
      for (int j = 0; j < last; j++) {
        s += u[r * last + j];
      }
      for (int j = 0; j < last; j++) {
        u[r * last + j] /= s;
      }
    }
    return Tensor.of(u, shape);
  }

  record Case(String label, Loss loss, LossReference.RowLoss ref,
      Supplier<Tensor[]> data) {}

  static List<Case> cases(int... shape) {
    List<Case> out = new ArrayList<>();
    Supplier<Tensor[]> probs = () -> new Tensor[] {binaryLabels(1, shape),
        uniform(2, 0.02f, 0.98f, shape)};
    Supplier<Tensor[]> logits = () -> new Tensor[] {binaryLabels(3, shape),
        uniform(4, -4f, 4f, shape)};
    Supplier<Tensor[]> cat = () -> new Tensor[] {oneHot(5, shape), distribution(6, shape)};
    Supplier<Tensor[]> catLogits = () -> new Tensor[] {oneHot(7, shape),
        uniform(8, -3f, 3f, shape)};
    Supplier<Tensor[]> reg = () -> new Tensor[] {uniform(9, -2f, 2f, shape),
        uniform(10, -2f, 2f, shape)};
    Supplier<Tensor[]> positive = () -> new Tensor[] {uniform(11, 0.1f, 3f, shape),
        uniform(12, 0.1f, 3f, shape)};
    Supplier<Tensor[]> signed = () -> {
      Tensor t = binaryLabels(13, shape);
      return new Tensor[] {MathOps.subtract(MathOps.multiply(t, 2f), 1f),
          uniform(14, -2f, 2f, shape)};
    };
    out.add(new Case("bce", new BinaryCrossentropy(), LossReference.bce(false, 0), probs));
    out.add(new Case("bce smoothing", new BinaryCrossentropy(false, 0.2),
        LossReference.bce(false, 0.2), probs));
    out.add(new Case("bce logits", new BinaryCrossentropy(true), LossReference.bce(true, 0),
        logits));
    out.add(new Case("bce logits smoothing", new BinaryCrossentropy(true, 0.1),
        LossReference.bce(true, 0.1), logits));
    out.add(new Case("cce", new CategoricalCrossentropy(), LossReference.cce(false, 0), cat));
    out.add(new Case("cce smoothing", new CategoricalCrossentropy(false, 0.3),
        LossReference.cce(false, 0.3), cat));
    out.add(new Case("cce logits", new CategoricalCrossentropy(true),
        LossReference.cce(true, 0), catLogits));
    out.add(new Case("cce logits smoothing", new CategoricalCrossentropy(true, 0.1),
        LossReference.cce(true, 0.1), catLogits));
    out.add(new Case("mse", new MeanSquaredError(), LossReference.mse(), reg));
    out.add(new Case("mae", new MeanAbsoluteError(), LossReference.mae(), reg));
    out.add(new Case("mape", new MeanAbsolutePercentageError(), LossReference.mape(), reg));
    out.add(new Case("msle", new MeanSquaredLogarithmicError(), LossReference.msle(), reg));
    out.add(new Case("huber", new Huber(), LossReference.huber(1.0), reg));
    out.add(new Case("huber 0.5", new Huber(0.5), LossReference.huber(0.5), reg));
    out.add(new Case("log_cosh", new LogCosh(), LossReference.logCosh(), reg));
    out.add(new Case("hinge 0/1", new Hinge(), LossReference.hinge(true, false), logits));
    out.add(new Case("hinge -1/1", new Hinge(), LossReference.hinge(false, false), signed));
    out.add(new Case("squared_hinge 0/1", new SquaredHinge(), LossReference.hinge(true, true),
        logits));
    out.add(new Case("squared_hinge -1/1", new SquaredHinge(),
        LossReference.hinge(false, true), signed));
    out.add(new Case("categorical_hinge", new CategoricalHinge(),
        LossReference.categoricalHinge(), catLogits));
    out.add(new Case("kld", new KLDivergence(), LossReference.kld(),
        () -> new Tensor[] {distribution(15, shape), distribution(16, shape)}));
    out.add(new Case("poisson", new Poisson(), LossReference.poisson(), positive));
    out.add(new Case("cosine", new CosineSimilarity(), LossReference.cosine(), reg));
    return out;
  }

  private static void checkAll(int[] shape, Tensor sampleWeight) {
    for (Case c : cases(shape)) {
      Tensor[] d = c.data().get();
      double[] expected = LossReference.perSample(c.ref(), d[0], d[1]);
      Shape batch = Shape.of(java.util.Arrays.copyOf(shape, shape.length - 1));
      try {
        assertClose(expected, batch, c.loss().call(d[0], d[1]), TOL);
        double[] w = sampleWeight == null ? null : expand(sampleWeight, expected.length);
        double want = LossReference.sumOverBatchSize(expected, w);
        Tensor got = c.loss().compute(d[0], d[1], sampleWeight);
        assertEquals(0, got.rank());
        assertClose(new double[] {want}, got, TOL);
      } catch (AssertionError e) {
        throw new AssertionError(c.label() + " " + java.util.Arrays.toString(shape) + ": "
            + e.getMessage(), e);
      }
    }
  }

  /** Weights of shape (B,) repeated over the per-sample losses' inner axes. */
  private static double[] expand(Tensor w, int n) {
    double[] out = new double[n];
    int inner = n / w.size();
    for (int i = 0; i < n; i++) {
      out[i] = w.getFlat(i / inner);
    }
    return out;
  }

  @Test
  void matrixInputs() {
    checkAll(new int[] {4, 3}, null);
  }

  @Test
  void matrixInputsWithSampleWeights() {
    checkAll(new int[] {4, 3}, Tensor.of(new float[] {0.5f, 2f, 0f, 1.5f}));
  }

  @Test
  void sampleWeightsWithTrailingAxis() {
    checkAll(new int[] {4, 3}, Tensor.of(new float[] {0.5f, 2f, 0f, 1.5f}, 4, 1));
  }

  @Test
  void rank3InputsWithPerTimestepWeights() {
    checkAll(new int[] {2, 3, 5}, null);
    checkAll(new int[] {2, 3, 5}, Tensor.of(new float[] {1f, 0f, 2f, 0.5f, 1f, 3f}, 2, 3));
  }

  @Test
  void singleColumnOutputs() {
    checkAll(new int[] {5, 1}, null);
    checkAll(new int[] {5, 1}, Tensor.of(new float[] {1f, 2f, 3f, 0f, 1f}));
  }

  @Test
  void vectorLabelsAgainstColumnPredictionsAreAligned() {
    // y_true (B,) against y_pred (B, 1): Keras expands the labels to (B, 1).
    Tensor t = Tensor.of(new float[] {0f, 1f, 1f});
    Tensor p = Tensor.of(new float[] {0.2f, 0.7f, 0.4f}, 3, 1);
    double want = (-Math.log(0.8) - Math.log(0.7) - Math.log(0.4)) / 3;
    assertClose(new double[] {want}, new BinaryCrossentropy().compute(t, p, null), 1e-6);
    assertClose(new double[] {want},
        new BinaryCrossentropy().compute(Tensor.ofInts(new int[] {0, 1, 1}, 3, 1), p, null),
        1e-6);
  }

  @Test
  void probabilitiesAreClippedAsKerasDoes() {
    Tensor t = Tensor.of(new float[] {1f, 0f}, 2, 1);
    Tensor p = Tensor.of(new float[] {0f, 1f}, 2, 1);
    // 0 becomes 1e-7 and 1 becomes float32(1 - 1e-7), whose distance to 1 is 2^-23.
    double want = (-Math.log(1e-7) - Math.log(1 - (double) (1f - 1e-7f))) / 2;
    assertClose(new double[] {want}, new BinaryCrossentropy().compute(t, p, null), 1e-5);
  }

  @Test
  void logitsStayFiniteFarOut() {
    Tensor t = Tensor.of(new float[] {1f, 0f, 1f}, 3, 1);
    Tensor p = Tensor.of(new float[] {-200f, 200f, 200f}, 3, 1);
    assertClose(new double[] {400.0 / 3}, new BinaryCrossentropy(true).compute(t, p, null),
        1e-6);
  }
}
