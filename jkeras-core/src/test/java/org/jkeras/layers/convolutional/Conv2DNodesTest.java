package org.jkeras.layers.convolutional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.pooling.MaxPooling2D;
import org.jkeras.layers.reshaping.Flatten;
import org.junit.jupiter.api.Test;

/** The guide's Conv2D node example (fixture 08_conv2d_nodes) and Keras's input checks. */
class Conv2DNodesTest {
  @Test
  void oneConvOnTwoImageSizes() {
    Conv2D conv = new Conv2D(16, 3, 3).padding("same");
    KerasTensor a = Keras.input(32, 32, 3);
    KerasTensor outA = conv.apply(a);
    assertEquals(Shape.withBatch(32, 32, 3), conv.inputShape());
    assertEquals(Shape.withBatch(32, 32, 16), outA.shape());
    KerasTensor outB = conv.apply(Keras.input(64, 64, 3));
    assertEquals(Shape.withBatch(64, 64, 16), outB.shape());
    assertThrows(JKerasException.class, conv::inputShape);
    assertEquals(Shape.withBatch(32, 32, 3), conv.getInputShapeAt(0));
    assertEquals(Shape.withBatch(64, 64, 3), conv.getInputShapeAt(1));
    assertEquals(Shape.withBatch(64, 64, 16), conv.getOutputShapeAt(1));
    assertEquals(448, conv.countParams());
  }

  @Test
  void rankErrorUsesKerasMessage() {
    var e = assertThrows(JKerasException.class, () -> new Conv2D(4, 3).apply(Keras.input(8, 3)));
    assertEquals("Input 0 of layer \"conv2d\" is incompatible with the layer: expected min_ndim=4,"
        + " found ndim=3. Full shape received: (None, 8, 3)",
        e.getMessage().replaceAll("conv2d_\\d+", "conv2d"));
  }

  @Test
  void convPoolFlattenShapesAndValues() {
    KerasTensor img = Keras.input(12, 12, 1);
    Conv2D conv = new Conv2D(4, 3).activation("sigmoid");
    KerasTensor x = new Flatten().apply(new MaxPooling2D().apply(conv.apply(img)));
    assertEquals(Shape.withBatch(5 * 5 * 4), x.shape());
    Tensor data = Tensor.randomNormal(Shape.of(2, 12, 12, 1), 0f, 1f, 3);
    Tensor y = new org.jkeras.models.Model(img, x).apply(data);
    assertEquals(Shape.of(2, 100), y.shape());
    // Element (0, 0): max over the first 2x2 window of the conv output at channel 0.
    float best = Float.NEGATIVE_INFINITY;
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 2; c++) {
        double s = conv.bias().getFloat(0);
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 3; j++) {
            s += data.getFloat(0, r + i, c + j, 0) * conv.kernel().getFloat(i, j, 0, 0);
          }
        }
        best = Math.max(best, (float) (1 / (1 + Math.exp(-s))));
      }
    }
    assertEquals(best, y.getFloat(0, 0), 1e-5);
  }
}
