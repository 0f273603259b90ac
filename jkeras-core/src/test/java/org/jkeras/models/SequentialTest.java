package org.jkeras.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;
import org.junit.jupiter.api.Test;

class SequentialTest {
  @Test
  void withADeclaredInput() {
    Sequential m = new Sequential();
    m.add(Keras.input(4));
    Dense a = new Dense(3).activation("sigmoid");
    Dense b = new Dense(2);
    m.add(a).add(b);
    assertEquals(List.of(a, b), m.layers(), "the input layer is not listed, as in Keras 3");
    assertEquals(Shape.withBatch(2), m.outputs().get(0).shape());
    assertEquals(4, m.weights().size());
    Tensor x = Tensor.randomNormal(Shape.of(2, 4), 0f, 1f, 5);
    Tensor expected = MathOps.add(LinalgOps.matmul(MathOps.sigmoid(MathOps.add(
        LinalgOps.matmul(x, a.kernel()), a.bias())), b.kernel()), b.bias());
    assertArrayEquals(expected.toFloatArray(), m.apply(x).toFloatArray(), 1e-6f);
  }

  @Test
  void withoutAnInputItBuildsOnTheFirstCall() {
    Sequential m = new Sequential(List.of(new Dense(3), new Dense(1)));
    assertFalse(m.hasGraph());
    var e = assertThrows(JKerasException.class, m::weights);
    assertTrue(e.getMessage().startsWith("This model has not yet been built."));
    Tensor y = m.apply(Tensor.ones(5, 7));
    assertEquals(Shape.of(5, 1), y.shape());
    assertEquals(Shape.withBatch(7), m.inputs().get(0).shape());
    e = assertThrows(JKerasException.class, () -> m.add(new Dense(2)));
    assertTrue(e.getMessage().contains("after it has been built"));
  }

  @Test
  void layerNamesMustBeUnique() {
    Sequential m = new Sequential();
    m.add(new Dense(2).name("same"));
    var e = assertThrows(JKerasException.class, () -> m.add(new Dense(2).name("same")));
    assertEquals("All layers added to a Sequential model should have unique names. Name \"same\""
        + " is already the name of a layer in this model. Update the `name` argument to pass a"
        + " unique name.", e.getMessage());
  }

  @Test
  void aSequentialModelNestsInAFunctionalOne() {
    Sequential encoder = new Sequential(List.of(new Dense(3)));
    encoder.build(Shape.of(4));
    var x = Keras.input(4);
    Model outer = new Model(x, new Dense(1).apply(encoder.apply(x)));
    assertEquals(4, outer.weights().size());
    assertEquals(Shape.of(2, 1), outer.apply(Tensor.ones(2, 4)).shape());
  }
}
