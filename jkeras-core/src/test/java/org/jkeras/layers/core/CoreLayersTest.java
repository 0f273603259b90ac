package org.jkeras.layers.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.models.Model;
import org.jkeras.layers.pooling.GlobalAveragePooling1D;
import org.jkeras.ops.MathOps;
import org.jkeras.testing.LayerTestHarness;
import org.junit.jupiter.api.Test;

/** Activation, Identity, Masking and Lambda through the harness, plus their semantics. */
class CoreLayersTest {
  private static final List<String> ACTIVATION_NAMES = List.of("linear", "relu", "relu6",
      "leaky_relu", "elu", "selu", "gelu", "sigmoid", "hard_sigmoid", "tanh", "softmax",
      "log_softmax", "softplus", "softsign", "silu", "swish", "hard_silu", "hard_swish", "mish",
      "exponential");

  /** Inputs away from 0 (and from relu6's 6), where the non-smooth activations have kinks. */
  private static Tensor awayFromKinks() {
    return Tensor.of(new float[] {-0.9f, -0.45f, 0.3f, 0.75f, -0.2f, 0.55f, 1.2f, -1.4f}, 2, 4);
  }

  @Test
  void activationByEveryName() {
    for (String name : ACTIVATION_NAMES) {
      LayerTestHarness.of(() -> new Activation(name))
          .inputShapes(Shape.of(2, 4)).inputs(awayFromKinks()).outputShapes(Shape.of(2, 4))
          .weights(0, 0)
          .reference(l -> List.of(org.jkeras.activations.Activations.get(name)
              .apply(awayFromKinks())))
          .run();
    }
  }

  @Test
  void activationReferenceValues() {
    Tensor x = awayFromKinks();
    float[] v = x.toFloatArray();
    double[] relu = new double[v.length];
    double[] tanh = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      relu[i] = Math.max(0, v[i]);
      tanh[i] = Math.tanh(v[i]);
    }
    org.jkeras.testing.TensorAssert.assertClose(relu, new Activation("relu").apply(x), 1e-6);
    org.jkeras.testing.TensorAssert.assertClose(tanh, new Activation("tanh").apply(x), 1e-6);
    assertEquals("relu", new Activation("relu").getConfig().get("activation"));
  }

  @Test
  void activationUnknownName() {
    var e = assertThrows(JKerasException.class, () -> new Activation("nope"));
    assertTrue(e.getMessage().startsWith("Unknown activation function: 'nope'."), e.getMessage());
  }

  @Test
  void identity() {
    LayerTestHarness.of(Identity::new).inputShapes(Shape.of(2, 3, 2))
        .outputShapes(Shape.of(2, 3, 2)).weights(0, 0)
        .reference(l -> List.of(Tensor.randomUniform(Shape.of(2, 3, 2), -1f, 1f, 100))).run();
  }

  private static Tensor maskedSequence() {
    // (2, 3, 2): batch 0 step 1 and batch 1 step 2 are all zeros; batch 1 step 0 has one zero.
    return Tensor.of(new float[] {
      0.5f, -0.3f, 0f, 0f, 0.2f, 0.7f,
      0f, 0.9f, -0.6f, 0.4f, 0f, 0f}, 2, 3, 2);
  }

  @Test
  void masking() {
    // Masked steps sit exactly on the mask value, a discontinuity: the gradient is checked on
    // inputs with no masked step, the masked output against the reference.
    LayerTestHarness.of(Masking::new).inputShapes(Shape.of(2, 3, 2))
        .outputShapes(Shape.of(2, 3, 2)).weights(0, 0).run();
    LayerTestHarness.of(Masking::new).inputShapes(Shape.of(2, 3, 2)).inputs(maskedSequence())
        .outputShapes(Shape.of(2, 3, 2)).weights(0, 0).noGradientCheck()
        .reference(l -> List.of(maskedSequence())).run();
    Masking m = new Masking(0.5);
    Tensor x = Tensor.of(new float[] {0.5f, 0.5f, 0.5f, 1f}, 1, 2, 2);
    assertArrayEquals(new float[] {0f, 0f, 0.5f, 1f}, m.apply(x).toFloatArray());
    Tensor mask = m.computeMask(List.of(x), null).get(0);
    assertEquals(Shape.of(1, 2), mask.shape());
    assertArrayEquals(new float[] {0f, 1f}, MathOps.cast(mask,
        org.jkeras.backend.DType.FLOAT32).toFloatArray());
    assertEquals(0.5, new Masking(0.5).getConfig().get("mask_value"));
  }

  @Test
  void maskingFeedsMaskedAveragePooling() {
    KerasTensor in = Keras.input(3, 2);
    KerasTensor dropped = new org.jkeras.layers.regularization.Dropout(0.5).apply(
        new Masking().apply(in));
    KerasTensor out = new GlobalAveragePooling1D().apply(dropped);
    Model model = new Model(in, out);
    Tensor y = model.apply(maskedSequence());
    // The mask passes Dropout (inference): batch 0 averages steps 0 and 2, batch 1 steps 0, 1.
    assertArrayEquals(new float[] {0.35f, 0.2f, -0.3f, 0.65f}, y.toFloatArray(), 1e-6f);
  }

  @Test
  void lambda() {
    LayerTestHarness.of(() -> new Lambda(x -> MathOps.multiply(MathOps.square(x), 2f)))
        .inputShapes(Shape.of(2, 3)).outputShapes(Shape.of(2, 3)).weights(0, 0)
        .notSerializable()
        .reference(l -> List.of(MathOps.multiply(MathOps.square(
            Tensor.randomUniform(Shape.of(2, 3), -1f, 1f, 100)), 2f)))
        .run();
    LayerTestHarness.of(() -> new Lambda(x -> org.jkeras.ops.ReductionOps.sum(x, 1, false),
            s -> Shape.of(s.dim(0), s.dim(2))))
        .inputShapes(Shape.of(2, 3, 4)).outputShapes(Shape.of(2, 4)).weights(0, 0)
        .notSerializable().run();
  }

  @Test
  void lambdaRefusesToLoadFromConfig() {
    Lambda l = new Lambda(x -> x).name("my_fn");
    Map<String, Object> config = l.getConfig();
    @SuppressWarnings("unchecked")
    Map<String, Object> fn = (Map<String, Object>) config.get("function");
    assertEquals(Lambda.FUNCTION_PLACEHOLDER, fn.get("class_name"));
    var e = assertThrows(JKerasException.class, () -> LayerRegistry.fromConfig("Lambda", config));
    assertEquals("Lambda layers cannot be loaded from config: their function is Java code,"
        + " which a config does not contain, and loading never executes code (layer 'my_fn')."
        + " Rebuild the model in Java, or replace the Lambda by a custom layer registered with"
        + " LayerRegistry.register(...).", e.getMessage());
  }

  @Test
  void passThroughLayersKeepTheMask() {
    Tensor mask = Tensor.ofBools(new boolean[] {true, false}, 1, 2);
    Tensor x = Tensor.randomUniform(Shape.of(1, 2, 3), -1f, 1f, 1);
    assertEquals(mask, new Identity().computeMask(List.of(x), List.of(mask)).get(0));
    assertEquals(mask, new Activation("relu").computeMask(List.of(x), List.of(mask)).get(0));
    assertNull(new Lambda(t -> t).computeMask(List.of(x), List.of(mask)).get(0));
    assertEquals(x, new Identity().applyEager(List.of(x), CallContext.TRAINING).get(0));
  }
}
