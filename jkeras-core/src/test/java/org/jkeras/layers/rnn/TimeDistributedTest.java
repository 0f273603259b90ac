package org.jkeras.layers.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.models.Model;
import org.jkeras.ops.IndexingOps;
import org.junit.jupiter.api.Test;

class TimeDistributedTest {
  @Test
  void appliesAModelToEveryTimestep() {
    KerasTensor frame = Keras.input(4);
    Model perFrame = new Model(frame, new Dense(3).activation("tanh").apply(frame));
    KerasTensor video = Keras.input(5, 4);
    TimeDistributed td = new TimeDistributed(perFrame);
    KerasTensor out = td.apply(video);
    assertEquals(Shape.withBatch(5, 3), out.shape());
    assertEquals(2, td.weights().size());
    Tensor x = Tensor.randomNormal(Shape.of(2, 5, 4), 0f, 1f, 8);
    Tensor y = new Model(video, out).apply(x);
    Tensor step3 = IndexingOps.slice(x, new int[] {0, 3, 0}, new int[] {2, 1, 4});
    Tensor expected = perFrame.apply(org.jkeras.ops.ArrayOps.reshape(step3, 2, 4));
    Tensor got = IndexingOps.slice(y, new int[] {0, 3, 0}, new int[] {2, 1, 3});
    assertArrayEquals(expected.toFloatArray(), got.toFloatArray(), 1e-6f);
  }

  @Test
  void needsATimeAxis() {
    var e = assertThrows(JKerasException.class,
        () -> new TimeDistributed(new Dense(2)).apply(Keras.input(4)));
    assertEquals("`TimeDistributed` Layer should be passed an `input_shape` with at least 3"
        + " dimensions, received: (None, 4)", e.getMessage());
  }
}
