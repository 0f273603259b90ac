package org.jkeras.layers.convolutional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.layers.CallContext;
import org.jkeras.testing.LayerTestHarness;
import org.junit.jupiter.api.Test;

/** Keras's {@code groups}: channels split into groups, each with its own filters. */
class GroupedConvTest {
  @Test
  void groupsMatchADirectReference() {
    LayerTestHarness.of(() -> new Conv2D(4, 2, 2).groups(2))
        .inputShapes(Shape.of(2, 4, 4, 6)).outputShapes(Shape.of(2, 3, 3, 4))
        .weights(2, 0, "kernel", "bias").run();
    Conv2D conv = new Conv2D(4, 2, 2).groups(2);
    Tensor x = Tensor.randomUniform(Shape.of(1, 3, 3, 6), -1f, 1f, 3);
    Tensor y = conv.applyEager(List.of(x), CallContext.INFERENCE).get(0);
    assertEquals(Shape.of(2, 2, 3, 4), conv.kernel().shape());
    for (int f = 0; f < 4; f++) {
      int g = f / 2;
      double s = conv.bias().getFloat(f);
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          for (int c = 0; c < 3; c++) {
            s += x.getFloat(0, i, j, g * 3 + c) * conv.kernel().getFloat(i, j, c, f);
          }
        }
      }
      assertEquals(s, y.getFloat(0, 0, 0, f), 1e-5);
    }
    assertEquals(2, conv.getConfig().get("groups"));
  }

  @Test
  void groupsMustDivideFiltersAndChannels() {
    var e = assertThrows(JKerasException.class, () -> new Conv1D(4, 3).groups(3));
    assertEquals("The number of filters must be evenly divisible by the number of groups."
        + " Received: groups=3, filters=4.", e.getMessage());
    e = assertThrows(JKerasException.class, () -> new Conv1D(4, 3).groups(2)
        .apply(Tensor.ones(1, 5, 3)));
    assertEquals("The number of input channels must be evenly divisible by the number of groups."
        + " Received groups=2, but the input has 3 channels (full input shape is (1, 5, 3)).",
        e.getMessage());
  }
}
