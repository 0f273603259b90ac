package org.jkeras.layers.merging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;

class MergingLayersTest {
  private static final Tensor A = Tensor.of(new float[][] {{1, 5}, {3, -2}});
  private static final Tensor B = Tensor.of(new float[][] {{4, 2}, {-1, 0}});

  private static float[] run(Merge layer) {
    return layer.applyEager(List.of(A, B), CallContext.INFERENCE).get(0).toFloatArray();
  }

  @Test
  void elementwiseMerges() {
    assertArrayEquals(new float[] {5, 7, 2, -2}, run(new Add()));
    assertArrayEquals(new float[] {-3, 3, 4, -2}, run(new Subtract()));
    assertArrayEquals(new float[] {4, 10, -3, -0f}, run(new Multiply()));
    assertArrayEquals(new float[] {2.5f, 3.5f, 1, -1}, run(new Average()));
    assertArrayEquals(new float[] {4, 5, 3, 0}, run(new Maximum()));
    assertArrayEquals(new float[] {1, 2, -1, -2}, run(new Minimum()));
  }

  @Test
  void symbolicShapesBroadcastLikeKeras() {
    KerasTensor x = Keras.input(3, 4);
    KerasTensor y = Keras.input(1, 4);
    assertEquals(Shape.withBatch(3, 4), Keras.add(List.of(x, y)).shape());
    var e = assertThrows(JKerasException.class,
        () -> Keras.add(List.of(Keras.input(3), Keras.input(4))));
    assertEquals("Inputs have incompatible shapes. Received shapes (3,) and (4,)", e.getMessage());
    e = assertThrows(JKerasException.class, () -> Keras.subtract(List.of(x, y, y)));
    assertEquals("A `Subtract` layer should be called on exactly 2 inputs. Received:"
        + " input_shape=[(None, 3, 4), (None, 1, 4), (None, 1, 4)]", e.getMessage());
  }

  @Test
  void kerasDotFunction() {
    KerasTensor a = Keras.input(4);
    KerasTensor b = Keras.input(4);
    assertEquals(Shape.withBatch(1), Keras.dot(List.of(a, b), 1).shape());
    Model m = new Model(List.of(a, b), Keras.dot(List.of(a, b), 1));
    Tensor out = m.applyEager(List.of(Tensor.of(new float[][] {{1, 2, 3, 4}}),
        Tensor.of(new float[][] {{1, 1, 1, 2}})), CallContext.INFERENCE).get(0);
    assertEquals(14f, out.getFloat(0, 0));
  }

  @Test
  void concatenateShapesValuesAndKerasErrors() {
    KerasTensor x = Keras.input(3, 4);
    KerasTensor y = Keras.input(3, 2);
    KerasTensor c = Keras.concatenate(List.of(x, y));
    assertEquals(Shape.withBatch(3, 6), c.shape());
    assertEquals(Shape.withBatch(6, 4), Keras.concatenate(List.of(x, x), 1).shape());
    var e = assertThrows(JKerasException.class,
        () -> Keras.concatenate(List.of(Keras.input(3, 4), Keras.input(5, 6))));
    assertEquals("A `Concatenate` layer requires inputs with matching shapes except for the"
        + " concatenation axis. Received: input_shape=[(None, 3, 4), (None, 5, 6)]",
        e.getMessage());
    e = assertThrows(JKerasException.class,
        () -> Keras.concatenate(List.of(Keras.input(3, 4), Keras.input(5, 4)), -1));
    assertEquals("A `Concatenate` layer requires inputs with matching shapes except for the"
        + " concatenation axis. Received: input_shape=[(None, 3, 4), (None, 5, 4)]",
        e.getMessage());
    Model m = new Model(List.of(x, y), c);
    Tensor out = m.applyEager(List.of(Tensor.ones(1, 3, 4), Tensor.zeros(1, 3, 2)),
        CallContext.INFERENCE).get(0);
    assertArrayEquals(new float[] {1, 1, 1, 1, 0, 0}, java.util.Arrays.copyOf(out.toFloatArray(),
        6));
  }
}
