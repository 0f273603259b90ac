package org.jkeras.optimizers;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.optimizers.schedules.ExponentialDecay;
import org.junit.jupiter.api.Test;

/** The options shared by every optimizer: clipping, weight decay, EMA, accumulation, checks. */
class OptimizerOptionsTest {
  private static Variable var(String name, float... values) {
    return new Variable(Tensor.of(values, values.length), name);
  }

  private static Tensor t(float... values) {
    return Tensor.of(values, values.length);
  }

  /** One plain SGD step (lr 1) returns {@code w - g'}, so the weights show the clipped g'. */
  private static double[] clippedBySgd(Optimizer sgd, float[] w, float[] g) {
    Variable v = var("w", w);
    sgd.applyGradients(List.of(t(g)), List.of(v));
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = w[i] - v.getFlat(i);
    }
    return out;
  }

  @Test
  void clipnormScalesEachGradientToTheNorm() {
    double[] g = clippedBySgd(new SGD(1.0).setClipnorm(1.0), new float[3], new float[] {3, 4, 0});
    assertArrayEquals(new double[] {0.6, 0.8, 0}, g, 1e-6);
    // A gradient already inside the norm is unchanged.
    g = clippedBySgd(new SGD(1.0).setClipnorm(10.0), new float[2], new float[] {3, 4});
    assertArrayEquals(new double[] {3, 4}, g, 1e-6);
    // A zero gradient stays zero (no division by a zero norm).
    g = clippedBySgd(new SGD(1.0).setClipnorm(1.0), new float[2], new float[] {0, 0});
    assertArrayEquals(new double[] {0, 0}, g, 0);
  }

  @Test
  void globalClipnormScalesAllGradientsTogether() {
    Variable a = var("a", 0, 0);
    Variable b = var("b", 0);
    new SGD(1.0).setGlobalClipnorm(6.5).applyGradients(
        List.of(t(3, 4), t(12)), List.of(a, b));
    // global norm 13, scale 0.5
    assertClose(new double[] {-1.5, -2}, a, 1e-6);
    assertClose(new double[] {-6}, b, 1e-6);
    Variable c = var("c", 0);
    new SGD(1.0).setGlobalClipnorm(1.0).applyGradients(
        List.of(t(Float.POSITIVE_INFINITY)), List.of(c));
    assertEquals(Double.NaN, c.getFlat(0));
  }

  @Test
  void clipvalueClipsEachElement() {
    double[] g = clippedBySgd(new SGD(1.0).setClipvalue(0.5), new float[3],
        new float[] {-2, 0.25f, 3});
    assertArrayEquals(new double[] {-0.5, 0.25, 0.5}, g, 1e-7);
  }

  @Test
  void clipnormAndGlobalClipnormAreExclusive() {
    JKerasException e = assertThrows(JKerasException.class,
        () -> new Adam().setClipnorm(1.0).setGlobalClipnorm(2.0));
    assertEquals("Only one of `clipnorm` and `global_clipnorm` can be set. Received: "
        + "clipnorm=1.0, global_clipnorm=2.0", e.getMessage());
  }

  @Test
  void callersGradientsAreNotModified() {
    Tensor g = t(3, 4);
    new SGD(1.0).setClipnorm(1.0).applyGradients(List.of(g), List.of(var("w", 0, 0)));
    assertClose(new double[] {3, 4}, g, 0);
  }

  @Test
  void weightDecayIsDecoupledAndAppliedBeforeTheUpdate() {
    Variable w = var("w", 2, -4);
    new SGD(0.1).setWeightDecay(0.5).applyGradients(List.of(t(1, 1)), List.of(w));
    // w - w * wd * lr - lr * g
    assertClose(new double[] {2 - 2 * 0.05 - 0.1, -4 + 4 * 0.05 - 0.1}, w, 1e-6);
  }

  @Test
  void adamwDefaultsToDecay0004AndRejectsNone() {
    AdamW adamw = new AdamW();
    assertEquals(0.004, adamw.options().weightDecay());
    JKerasException e = assertThrows(JKerasException.class, () -> adamw.setWeightDecay(null));
    assertEquals("Argument `weight_decay` must be a float. Received: weight_decay=None",
        e.getMessage());
  }

  @Test
  void weightDecayExclusionsByVariableAndName() {
    Variable kernel = var("dense/kernel", 1);
    Variable bias = var("dense/bias", 1);
    Variable other = var("other/kernel", 1);
    new SGD(1.0).setWeightDecay(0.5)
        .excludeFromWeightDecay(List.of(other), List.of("bias"))
        .applyGradients(List.of(t(0), t(0), t(0)), List.of(kernel, bias, other));
    assertClose(new double[] {0.5}, kernel, 1e-7);
    assertClose(new double[] {1}, bias, 0);
    assertClose(new double[] {1}, other, 0);
  }

  @Test
  void lossScaleFactorDividesGradients() {
    double[] g = clippedBySgd(new SGD(1.0).setLossScaleFactor(4.0), new float[2],
        new float[] {2, -8});
    assertArrayEquals(new double[] {0.5, -2}, g, 1e-7);
  }

  @Test
  void gradientAccumulationUpdatesWithTheMeanEveryNSteps() {
    Variable w = var("w", 0);
    Optimizer sgd = new SGD(1.0).setGradientAccumulationSteps(3);
    sgd.applyGradients(List.of(t(1)), List.of(w));
    sgd.applyGradients(List.of(t(2)), List.of(w));
    assertClose(new double[] {0}, w, 0);
    sgd.applyGradients(List.of(t(6)), List.of(w));
    assertClose(new double[] {-3}, w, 1e-6);
    assertEquals(3, sgd.iterations());
    sgd.applyGradients(List.of(t(3)), List.of(w));
    assertClose(new double[] {-3}, w, 1e-6);
    JKerasException e = assertThrows(JKerasException.class,
        () -> new SGD().setGradientAccumulationSteps(1));
    assertEquals("`gradient_accumulation_steps` must be an integer >= 2. Received: "
        + "gradient_accumulation_steps=1", e.getMessage());
  }

  @Test
  void emaAveragesWeightsAndOverwritesEveryNSteps() {
    Variable w = var("w", 0);
    Optimizer sgd = new SGD(1.0).setUseEma(true, 0.5, 3);
    double avg = 0;
    double value = 0;
    for (int s = 0; s < 3; s++) {
      sgd.applyGradients(List.of(t(-1)), List.of(w));
      value += 1;
      double m = s == 0 ? 0 : 0.5;
      avg = m * avg + (1 - m) * value;
    }
    // After the third step the weights are overwritten by the average (1, then 1.5, then 2.25).
    assertClose(new double[] {avg}, w, 1e-6);
    assertEquals(2.25, avg, 1e-12);
    Variable average = sgd.variables().get(2);
    assertEquals("w_average", average.name());
    w.assign(t(10));
    sgd.finalizeVariableValues(List.of(w));
    assertClose(new double[] {2.25}, w, 1e-6);
  }

  @Test
  void constraintIsAppliedAfterTheUpdate() {
    Variable w = var("w", 0.5f, -0.5f);
    w.setConstraint(x -> {
      float[] v = x.toFloatArray();
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.max(v[i], 0f);
      }
      return Tensor.of(v, v.length);
    });
    new SGD(1.0).applyGradients(List.of(t(-1, 0.25f)), List.of(w));
    assertClose(new double[] {1.5, 0}, w, 1e-7);
  }

  @Test
  void nullGradientsSkipTheirVariable() {
    Variable a = var("a", 1);
    Variable b = var("b", 1);
    Optimizer sgd = new SGD(1.0);
    sgd.applyGradients(Arrays.asList(null, t(1)), List.of(a, b));
    assertClose(new double[] {1}, a, 0);
    assertClose(new double[] {0}, b, 0);
    JKerasException e = assertThrows(JKerasException.class,
        () -> sgd.applyGradients(Arrays.asList(null, null), List.of(a, b)));
    assertEquals("No gradients provided for any variable.", e.getMessage());
  }

  @Test
  void unknownVariablesAndMismatchesAreClearErrors() {
    Optimizer adam = new Adam();
    Variable a = var("dense/kernel", 1, 2);
    adam.applyGradients(List.of(t(1, 1)), List.of(a));
    JKerasException unknown = assertThrows(JKerasException.class,
        () -> adam.applyGradients(List.of(t(1)), List.of(var("other/bias", 1))));
    assertEquals("Unknown variable: other/bias. This optimizer can only be called for the "
        + "variables it was originally built with. When working with a new set of variables, "
        + "you should recreate a new optimizer instance.", unknown.getMessage());
    JKerasException count = assertThrows(JKerasException.class,
        () -> adam.applyGradients(List.of(t(1, 1), t(1)), List.of(a)));
    assertEquals("Adam.applyGradients: got 2 gradients for 1 variables; pass one gradient per "
        + "variable.", count.getMessage());
    JKerasException shape = assertThrows(JKerasException.class,
        () -> adam.applyGradients(List.of(t(1, 1, 1)), List.of(a)));
    assertEquals("Adam.applyGradients: the gradient for variable 'dense/kernel' has shape (3,) "
        + "but the variable has shape (2,).", shape.getMessage());
  }

  @Test
  void iterationsCountStepsAndFollowALoadedValue() {
    Optimizer opt = new RMSprop();
    Variable w = var("w", 1, 2);
    for (int i = 0; i < 4; i++) {
      opt.applyGradients(List.of(t(1, 1)), List.of(w));
    }
    assertEquals(4, opt.iterations());
    Variable iteration = opt.variables().get(0);
    assertEquals("iteration", iteration.name());
    assertClose(new double[] {4}, iteration, 0);
    iteration.assign(Tensor.scalar(41));
    assertEquals(41, opt.iterations());
    opt.applyGradients(List.of(t(1, 1)), List.of(w));
    assertEquals(42, opt.iterations());
  }

  @Test
  void learningRateIsSettableUnlessItIsASchedule() {
    Optimizer adam = new Adam(0.01);
    assertEquals(0.01f, adam.learningRate(), 0);
    adam.setLearningRate(0.5);
    assertEquals(0.5, adam.learningRate(), 0);
    assertEquals(0.5, adam.getConfig().get("learning_rate"));
    Optimizer scheduled = new SGD(new ExponentialDecay(0.1, 10, 0.5));
    JKerasException e = assertThrows(JKerasException.class,
        () -> scheduled.setLearningRate(0.01));
    assertEquals("This optimizer was created with a `LearningRateSchedule` object as its "
        + "`learning_rate` constructor argument, hence its learning rate is not settable. If you "
        + "need the learning rate to be settable, you should instantiate the optimizer with a "
        + "float `learning_rate` argument.", e.getMessage());
  }

  @Test
  void scheduleIsEvaluatedAtTheIterationsOfEachStep() {
    Optimizer sgd = new SGD(new ExponentialDecay(1.0, 1, 0.5));
    Variable w = var("w", 0);
    List<Double> rates = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      rates.add(sgd.learningRate());
      sgd.applyGradients(List.of(t(-1)), List.of(w));
    }
    assertEquals(List.of(1.0, 0.5, 0.25), rates);
    assertClose(new double[] {1.75}, w, 1e-7);
    assertEquals(1, sgd.variables().size(), "no learning_rate variable with a schedule");
  }

  @Test
  void variablesAreInKerasOrderWithKerasNames() {
    Variable k = new Variable(Tensor.zeros(2, 3), "dense/kernel");
    Variable b = new Variable(Tensor.zeros(3), "dense/bias");
    Adam ams = new Adam(0.001, 0.9, 0.999, 1e-7, true);
    ams.build(List.of(k, b));
    assertEquals(List.of("iteration", "learning_rate", "dense_kernel_momentum",
        "dense_kernel_velocity", "dense_bias_momentum", "dense_bias_velocity",
        "dense_kernel_velocity_hat", "dense_bias_velocity_hat"), names(ams));
    assertEquals(Shape.of(2, 3), ams.variables().get(2).shape());

    RMSprop rms = new RMSprop(0.001, 0.9, 0.5, 1e-7, true);
    rms.build(List.of(k, b));
    assertEquals(List.of("iteration", "learning_rate", "dense_kernel_velocity",
        "dense_bias_velocity", "dense_kernel_momentum", "dense_bias_momentum",
        "dense_kernel_average_gradient", "dense_bias_average_gradient"), names(rms));

    SGD plain = new SGD();
    plain.build(List.of(k, b));
    assertEquals(List.of("iteration", "learning_rate"), names(plain));

    Nadam nadam = new Nadam();
    nadam.build(List.of(k));
    assertEquals(List.of("iteration", "learning_rate", "u_product", "dense_kernel_momentum",
        "dense_kernel_velocity"), names(nadam));

    Adagrad adagrad = new Adagrad();
    adagrad.build(List.of(k));
    assertEquals(List.of("iteration", "learning_rate", "accumulator"), names(adagrad));
    assertClose(new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, adagrad.variables().get(2), 1e-8);

    Optimizer emaAccum = new Lion().setUseEma(true, 0.99, null).setGradientAccumulationSteps(2);
    emaAccum.build(List.of(k));
    assertEquals(List.of("iteration", "learning_rate", "dense_kernel_average",
        "dense_kernel_gradient_accumulator", "dense_kernel_momentum"), names(emaAccum));
    JKerasException e = assertThrows(JKerasException.class,
        () -> emaAccum.setGradientAccumulationSteps(4));
    assertNotNull(e.getMessage());
  }

  private static List<String> names(Optimizer opt) {
    return opt.variables().stream().map(Variable::name).toList();
  }
}
