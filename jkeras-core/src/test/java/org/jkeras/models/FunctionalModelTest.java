package org.jkeras.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.layers.core.Dense;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;
import org.junit.jupiter.api.Test;

class FunctionalModelTest {
  @Test
  void inputsAreSymbolicWithAnUnknownBatch() {
    KerasTensor x = Keras.input(280, 256);
    assertEquals(Shape.of(Shape.UNKNOWN, 280, 256), x.shape());
    assertEquals("(None, 280, 256)", x.shape().toString());
    KerasTensor fixed = Keras.input(Shape.of(3), "fixed", org.jkeras.backend.DType.INT32, 16);
    assertEquals(Shape.of(16, 3), fixed.shape());
    assertEquals("fixed", fixed.history().operation().name());
  }

  @Test
  void aSharedDenseHasOneSetOfWeightsAndANodePerCall() {
    KerasTensor a = Keras.input(4);
    KerasTensor b = Keras.input(4);
    Dense shared = new Dense(3);
    KerasTensor ea = shared.apply(a);
    KerasTensor eb = shared.apply(b);
    assertSame(ea, shared.getOutputAt(0));
    assertSame(eb, shared.getOutputAt(1));
    assertEquals(Shape.withBatch(3), ea.shape());
    KerasTensor sum = new Dense(1).apply(new Dense(3).apply(ea));
    Model model = new Model(List.of(a, b), List.of(sum, eb));
    assertEquals(2, shared.weights().size());
    // shared (2) + two more Dense layers (2 each).
    assertEquals(6, model.weights().size());
    assertEquals(15 + 12 + 4, model.countParams());
    assertEquals(List.of(a, b), model.inputs());
    assertSame(sum, model.getOutputsAt(0).get(0));
    assertSame(eb, model.getOutputsAt(0).get(1));
  }

  @Test
  void executesInDependencyOrderAndMatchesHandComputation() {
    KerasTensor x = Keras.input(3);
    Dense d1 = new Dense(4).activation("sigmoid");
    Dense d2 = new Dense(2);
    Model model = new Model(x, d2.apply(d1.apply(x)));
    Tensor data = Tensor.randomNormal(Shape.of(5, 3), 0f, 1f, 1);
    Tensor y = model.apply(data);
    Tensor expected = MathOps.add(LinalgOps.matmul(
        MathOps.sigmoid(MathOps.add(LinalgOps.matmul(data, d1.kernel()), d1.bias())),
        d2.kernel()), d2.bias());
    assertArrayEquals(expected.toFloatArray(), y.toFloatArray(), 1e-6f);
    assertEquals(Shape.of(5, 2), y.shape());
  }

  @Test
  void gradientsReachSharedWeightsThroughEitherBranch() {
    KerasTensor a = Keras.input(4);
    KerasTensor b = Keras.input(4);
    Dense shared = new Dense(2);
    Model onlyB = new Model(List.of(a, b), shared.apply(b));
    shared.apply(a);
    Tensor xa = Tensor.randomNormal(Shape.of(3, 4), 0f, 1f, 2);
    Tensor xb = Tensor.randomNormal(Shape.of(3, 4), 0f, 1f, 3);
    try (GradientTape tape = new GradientTape()) {
      Tensor out = onlyB.applyEager(List.of(xa, xb), CallContext.TRAINING).get(0);
      List<Tensor> g = tape.gradient(ArrayOps.sum(out), List.copyOf(onlyB.trainableWeights()));
      assertEquals(shared.kernel().shape(), g.get(0).shape());
      assertNotEquals(0f, g.get(0).getFloat(0, 0));
    }
  }

  @Test
  void aModelIsALayerAndCanBeNestedAndShared() {
    KerasTensor img = Keras.input(6);
    Model vision = new Model(img, new Dense(3).apply(img)).name("vision_model");
    KerasTensor left = Keras.input(6);
    KerasTensor right = Keras.input(6);
    KerasTensor l = vision.apply(left);
    KerasTensor r = vision.apply(right);
    assertEquals(3, vision.inboundNodes().size(), "node 0 is the model's own construction");
    assertSame(l, vision.getOutputAt(1));
    assertSame(r, vision.getOutputAt(2));
    Model outer = new Model(List.of(left, right), List.of(l, r));
    Tensor x = Tensor.randomNormal(Shape.of(2, 6), 0f, 1f, 4);
    List<Tensor> both = outer.applyEager(List.of(x, x), CallContext.INFERENCE);
    assertArrayEquals(both.get(0).toFloatArray(), both.get(1).toFloatArray());
    assertArrayEquals(vision.apply(x).toFloatArray(), both.get(0).toFloatArray());
    assertEquals(2, outer.weights().size(), "one set of weights for the shared model");
  }

  @Test
  void denseRejectsAnIncompatibleShapeWithKerasMessage() {
    KerasTensor x = Keras.input(8);
    Dense d = new Dense(4).name("d");
    d.apply(x);
    var e = assertThrows(JKerasException.class, () -> d.apply(Keras.input(5)));
    assertEquals("Input 0 of layer \"d\" is incompatible with the layer: expected axis -1 of input"
        + " shape to have value 8, but received input with shape (None, 5)", e.getMessage());
  }

  @Test
  void graphErrorsAtConstruction() {
    KerasTensor a = Keras.input(Shape.of(4), "a_in");
    KerasTensor b = Keras.input(Shape.of(4), "b_in");
    KerasTensor out = new Dense(2).apply(b);
    var e = assertThrows(JKerasException.class, () -> new Model(a, out));
    assertTrue(e.getMessage().startsWith("Graph disconnected: the outputs need the input 'b_in'"),
        e.getMessage());
    assertTrue(e.getMessage().contains("which is not among the model's inputs [a_in]"));

    KerasTensor x = Keras.input(4);
    KerasTensor y = new Dense(2).name("twin").apply(new Dense(2).name("twin").apply(x));
    e = assertThrows(JKerasException.class, () -> new Model(x, y));
    assertEquals("The name \"twin\" is used 2 times in the model. All operation names should be"
        + " unique.", e.getMessage());
  }

  @Test
  void callTimeInputChecks() {
    KerasTensor x = Keras.input(4);
    Model m = new Model(x, new Dense(2).apply(x)).name("m");
    var e = assertThrows(JKerasException.class, () -> m.apply(Tensor.zeros(3, 5)));
    assertEquals("Input 0 of layer \"m\" is incompatible with the layer: expected shape=(None, 4),"
        + " found shape=(3, 5)", e.getMessage());
    e = assertThrows(JKerasException.class,
        () -> m.applyEager(List.of(Tensor.zeros(3, 4), Tensor.zeros(3, 4)), CallContext.INFERENCE));
    assertEquals("Layer 'm' expects 1 input but was called with 2.", e.getMessage());
  }

  @Test
  void layersInKerasOrderAndLookup() {
    Keras.clearSession();
    KerasTensor a = Keras.input(Shape.of(3), "tweet_a");
    KerasTensor b = Keras.input(Shape.of(3), "tweet_b");
    Dense shared = new Dense(2).name("shared");
    KerasTensor sa = shared.apply(a);
    KerasTensor sb = shared.apply(b);
    Dense head = new Dense(1).name("head");
    Model m = new Model(List.of(a, b), List.of(head.apply(sa), head.apply(sb)));
    assertEquals(List.of("tweet_a", "tweet_b", "shared", "head"),
        m.layers().stream().map(Layer::name).toList());
    assertSame(shared, m.getLayer("shared"));
    assertSame(head, m.getLayer(3));
    var e = assertThrows(JKerasException.class, () -> m.getLayer("nope"));
    assertEquals("No such layer: nope. Existing layers are: [tweet_a, tweet_b, shared, head].",
        e.getMessage());
    assertEquals("functional", m.name());
    assertEquals("functional_1", new Model(a, head.getOutputAt(0)).name());
  }

  @Test
  void namedInputsAndOutputs() {
    KerasTensor title = Keras.input(Shape.of(3), "title");
    KerasTensor body = Keras.input(Shape.of(2), "body");
    KerasTensor joined = Keras.concatenate(List.of(title, body));
    java.util.Map<String, KerasTensor> ins = new java.util.LinkedHashMap<>();
    ins.put("t", title);
    ins.put("b", body);
    java.util.Map<String, KerasTensor> outs = new java.util.LinkedHashMap<>();
    outs.put("priority", new Dense(1).apply(joined));
    outs.put("department", new Dense(4).apply(joined));
    Model m = new Model(ins, outs);
    assertEquals(List.of("b", "t"), m.inputNames(), "ordered by name, as Keras orders dicts");
    assertEquals(List.of("department", "priority"), m.outputNames());
    List<Tensor> out = m.apply(java.util.Map.of("b", Tensor.ones(2, 2), "t", Tensor.ones(2, 3)),
        false);
    assertEquals(Shape.of(2, 4), m.namedOutputs(out).get("department").shape());
    var e = assertThrows(JKerasException.class,
        () -> m.apply(java.util.Map.of("t", Tensor.ones(2, 3)), false));
    assertEquals("Missing data for input 'b'. The model's inputs are [b, t] and the given names"
        + " are [t].", e.getMessage());
  }

  @Test
  void tensorsNotMadeByKerasAreRefused() {
    KerasTensor stray = new KerasTensor(Shape.withBatch(4), org.jkeras.backend.DType.FLOAT32,
        "stray");
    var e = assertThrows(JKerasException.class, () -> new Dense(2).name("d2").apply(stray));
    assertEquals("Layer 'd2' was called on <KerasTensor shape=(None, 4), dtype=float32,"
        + " name=stray>, which was not made by Keras.input(...) or a layer call.", e.getMessage());
  }

  @Test
  void eagerCallsAreCheckedToo() {
    Dense d = new Dense(3).name("dense_e");
    d.apply(Tensor.ones(2, 8));
    var e = assertThrows(JKerasException.class, () -> d.apply(Tensor.ones(2, 5)));
    assertEquals("Input 0 of layer \"dense_e\" is incompatible with the layer: expected axis -1"
        + " of input shape to have value 8, but received input with shape (2, 5)",
        e.getMessage());
  }

  @Test
  void frozenLayersKeepTheirWeightsOutOfTraining() {
    KerasTensor x = Keras.input(3);
    Dense d = new Dense(2);
    Model m = new Model(x, d.apply(x));
    d.trainable(false);
    assertEquals(0, m.trainableWeights().size());
    assertEquals(2, m.nonTrainableWeights().size());
    List<Variable> all = m.weights();
    assertEquals(2, all.size());
  }
}
