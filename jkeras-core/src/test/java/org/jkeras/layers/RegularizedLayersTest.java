package org.jkeras.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.constraints.Constraints;
import org.jkeras.constraints.MaxNorm;
import org.jkeras.constraints.NonNeg;
import org.jkeras.constraints.UnitNorm;
import org.jkeras.initializers.Initializers;
import org.jkeras.layers.convolutional.Conv1D;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.core.Embedding;
import org.jkeras.ops.GradientTape;
import org.jkeras.regularizers.L1;
import org.jkeras.regularizers.L1L2;
import org.jkeras.regularizers.L2;
import org.jkeras.regularizers.Regularizers;
import org.jkeras.testing.LayerTestHarness;
import org.jkeras.testing.TensorAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Regularizers and constraints wired into Dense, Conv1D/Conv2D and Embedding. */
class RegularizedLayersTest {
  private static double sumSquares(Tensor t) {
    double s = 0;
    for (float v : t.toFloatArray()) {
      s += (double) v * v;
    }
    return s;
  }

  private static double sumAbs(Tensor t) {
    double s = 0;
    for (float v : t.toFloatArray()) {
      s += Math.abs(v);
    }
    return s;
  }

  @Test
  void denseL2KernelPenaltyIsInLossesAndItsGradientFlows() {
    Dense d = new Dense(3).kernelRegularizer("l2").biasInitializer("ones").biasRegularizer("l1");
    d.apply(Tensor.randomUniform(Shape.of(2, 4), -1f, 1f, 3));
    List<Tensor> losses = d.losses();
    assertEquals(2, losses.size());
    assertEquals(0.01 * sumSquares(d.kernel()), losses.get(0).item(), 1e-6);
    assertEquals(0.01 * 3, losses.get(1).item(), 1e-6);
    Tensor grad;
    try (GradientTape tape = new GradientTape()) {
      grad = tape.gradient(d.losses().get(0), d.kernel());
    }
    float[] w = d.kernel().toFloatArray();
    double[] expected = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      expected[i] = 0.02 * w[i];
    }
    TensorAssert.assertClose(expected, grad, 1e-6);
  }

  @Test
  void activityRegularizerAddsThePenaltyOfEachCallsOutput() {
    // Keras's docstring example; Keras 3.1 does not divide the activity penalty by the batch.
    Dense d = new Dense(5).kernelInitializer("ones").kernelRegularizer(new L1(0.01))
        .activityRegularizer(new L2(0.01));
    d.apply(Tensor.full(Shape.of(5, 5), 2f));
    double total = d.losses().stream().mapToDouble(Tensor::item).sum();
    assertEquals(0.25 + 0.01 * 25 * 100, total, 1e-4);
    d.apply(Tensor.full(Shape.of(1, 5), 1f));
    assertEquals(0.25 + 0.01 * 5 * 25, d.losses().stream().mapToDouble(Tensor::item).sum(), 1e-4,
        "a new call replaces the last call's activity loss");

    Conv1D c = new Conv1D(2, 2).kernelInitializer("ones").activityRegularizer("l1");
    Tensor y = c.apply(Tensor.full(Shape.of(1, 3, 1), 1f));
    assertEquals(0.01 * sumAbs(y), c.losses().get(0).item(), 1e-6);

    Embedding e = new Embedding(4, 2).embeddingsRegularizer("l2").activityRegularizer("l2");
    Tensor v = e.apply(Tensor.ofInts(new int[] {1, 3, 3}, 1, 3));
    assertEquals(0.01 * sumSquares(e.embeddings()), e.losses().get(0).item(), 1e-6);
    assertEquals(0.01 * sumSquares(v), e.losses().get(1).item(), 1e-6);
  }

  @Test
  void convPenaltiesAndConstraintsReachTheWeights() {
    Conv2D c = new Conv2D(2, 3).kernelRegularizer(new L1L2(0.1, 0.2)).biasRegularizer("l2")
        .kernelConstraint(new MaxNorm(1.0, 0, 1, 2)).biasConstraint("non_neg");
    c.apply(Tensor.randomUniform(Shape.of(1, 4, 4, 3), -1f, 1f, 9));
    assertEquals(0.1 * sumAbs(c.kernel()) + 0.2 * sumSquares(c.kernel()),
        c.losses().get(0).item(), 1e-5);
    assertEquals(new MaxNorm(1.0, 0, 1, 2), c.kernel().constraint());
    assertEquals(new NonNeg(), c.bias().constraint());
    // The kernel constraint projects each of the 2 filters to norm <= 1.
    Tensor projected = c.kernel().constraint().apply(Tensor.full(c.kernel().shape(), 1f));
    double perFilter = Math.sqrt(3 * 3 * 3);
    for (float x : projected.toFloatArray()) {
      assertEquals(1 / perFilter, x, 1e-6);
    }
    Embedding e = new Embedding(3, 2).embeddingsConstraint("unit_norm");
    e.apply(Tensor.ofInts(new int[] {0}, 1));
    assertEquals(new UnitNorm(), e.embeddings().constraint());
    Dense d = new Dense(2);
    d.apply(Tensor.ones(1, 2));
    assertNull(d.kernel().constraint());
    assertTrue(d.losses().isEmpty());
  }

  private static Map<String, Object> configWith(Layer layer, Map<String, Object> changes) {
    Map<String, Object> c = new LinkedHashMap<>(layer.getConfig());
    c.putAll(changes);
    return c;
  }

  @Test
  void configsCarryTheSerializedObjects() {
    Dense d = new Dense(3).kernelRegularizer("l1_l2").biasRegularizer(new L2(0.5))
        .activityRegularizer("l1").kernelConstraint("max_norm").biasConstraint(new NonNeg());
    Map<String, Object> c = d.getConfig();
    assertEquals(Regularizers.serialize(new L1L2(0.01, 0.01)), c.get("kernel_regularizer"));
    assertEquals(Regularizers.serialize(new L2(0.5)), c.get("bias_regularizer"));
    assertEquals(Constraints.serialize(new MaxNorm()), c.get("kernel_constraint"));
    assertEquals(Constraints.serialize(new NonNeg()), c.get("bias_constraint"));
    assertFalse(c.containsKey("activity_regularizer"), "Keras 3.1's Dense config has no such key");
    assertEquals(List.of("name", "trainable", "dtype", "units", "activation", "use_bias",
        "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
        "kernel_constraint", "bias_constraint"), List.copyOf(c.keySet()));
    assertEquals(c, LayerRegistry.fromConfig("Dense", c).getConfig());

    Conv2D conv = new Conv2D(2, 3).kernelRegularizer("l2").activityRegularizer(new L1(0.2))
        .biasConstraint(new UnitNorm(-1));
    Map<String, Object> cc = conv.getConfig();
    assertEquals(Regularizers.serialize(new L1(0.2)), cc.get("activity_regularizer"));
    assertEquals(cc, LayerRegistry.fromConfig("Conv2D", cc).getConfig());

    Embedding e = new Embedding(5, 2).embeddingsRegularizer("l1").activityRegularizer("l2")
        .embeddingsConstraint("non_neg");
    Map<String, Object> ec = e.getConfig();
    assertEquals(Constraints.serialize(new NonNeg()), ec.get("embeddings_constraint"));
    assertEquals(ec, LayerRegistry.fromConfig("Embedding", ec).getConfig());

    // Keras's from_config also takes string names in these keys.
    Layer fromNames = LayerRegistry.fromConfig("Dense", configWith(new Dense(2),
        Map.of("kernel_regularizer", "l2", "kernel_constraint", "unit_norm",
            "kernel_initializer", "he_normal")));
    Map<String, Object> fc = fromNames.getConfig();
    assertEquals(Regularizers.serialize(new L2(0.01)), fc.get("kernel_regularizer"));
    assertEquals(Constraints.serialize(new UnitNorm()), fc.get("kernel_constraint"));
    assertEquals("HeNormal", ((Map<?, ?>) fc.get("kernel_initializer")).get("class_name"));
    assertEquals(Initializers.serialize(Initializers.get("he_normal")),
        fc.get("kernel_initializer"));
  }

  @Test
  void weightOptionsCannotChangeAfterBuild() {
    Dense d = new Dense(2);
    d.apply(Tensor.ones(1, 2));
    Executable[] late = {() -> d.kernelRegularizer("l2"), () -> d.biasConstraint("non_neg"),
        () -> d.kernelConstraint(new MaxNorm())};
    for (Executable x : late) {
      JKerasException e = org.junit.jupiter.api.Assertions.assertThrows(JKerasException.class, x);
      assertTrue(e.getMessage().startsWith("Cannot set "), e.getMessage());
    }
  }

  @Test
  void harnessOverRegularizedLayers() {
    LayerTestHarness.of(() -> new Dense(3).kernelRegularizer("l2").biasRegularizer("l1")
            .activityRegularizer("l2").kernelConstraint("max_norm").biasConstraint("non_neg"))
        .inputShapes(Shape.of(2, 4)).outputShapes(Shape.of(2, 3))
        .weights(2, 0, "kernel", "bias").run();
    LayerTestHarness.of(() -> new Conv2D(2, 2).kernelRegularizer("l1_l2")
            .kernelConstraint(new MaxNorm(2.0, 0, 1, 2)).activityRegularizer("l1"))
        .inputShapes(Shape.of(1, 3, 3, 2)).outputShapes(Shape.of(1, 2, 2, 2))
        .weights(2, 0, "kernel", "bias").run();
    LayerTestHarness.of(() -> new Embedding(5, 2).embeddingsRegularizer("l2")
            .embeddingsConstraint("unit_norm"))
        .intInput(Shape.of(2, 3), 5).outputShapes(Shape.of(2, 3, 2))
        .weights(1, 0, "embeddings").run();
  }
}
