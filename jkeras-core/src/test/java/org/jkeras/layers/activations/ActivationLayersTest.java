package org.jkeras.layers.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.initializers.Constant;
import org.jkeras.layers.CallContext;
import org.jkeras.testing.LayerTestHarness;
import org.jkeras.testing.TensorAssert;
import org.junit.jupiter.api.Test;

/** The activation layers through the harness, against float64 formulas. */
class ActivationLayersTest {
  /** Values away from 0, 0.5 (a threshold) and 1.5 (a max value): no kink within 0.04. */
  private static Tensor input() {
    return Tensor.of(new float[] {-1.3f, -0.6f, -0.1f, 0.2f, 0.45f, 0.7f, 1.2f, 1.9f, 2.4f,
        -0.35f, 0.95f, -2.1f}, 2, 2, 3);
  }

  private static Tensor map(Tensor x, DoubleUnaryOperator f) {
    float[] v = x.toFloatArray();
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) f.applyAsDouble(v[i]);
    }
    return Tensor.of(out, x.shape().dims());
  }

  private static void check(java.util.function.Supplier<org.jkeras.layers.Layer> layer,
      DoubleUnaryOperator f) {
    LayerTestHarness.of(layer).inputShapes(Shape.of(2, 2, 3)).inputs(input())
        .outputShapes(Shape.of(2, 2, 3)).weights(0, 0)
        .reference(l -> List.of(map(input(), f))).run();
  }

  @Test
  void relu() {
    check(ReLU::new, x -> Math.max(0, x));
    check(() -> new ReLU(1.5, 0.0, 0.0), x -> Math.min(Math.max(0, x), 1.5));
    check(() -> new ReLU(null, 0.2, 0.0), x -> x >= 0 ? x : 0.2 * x);
    check(() -> new ReLU(null, 0.0, 0.5), x -> x > 0.5 ? x : 0);
    check(() -> new ReLU(1.5, 0.2, 0.5),
        x -> x >= 1.5 ? 1.5 : x >= 0.5 ? x : 0.2 * (x - 0.5));
    check(() -> new ReLU(6.0, 0.0, 0.0), x -> Math.min(Math.max(0, x), 6));
  }

  @Test
  void reluErrors() {
    var e = assertThrows(JKerasException.class, () -> new ReLU(-1.0, 0, 0));
    assertEquals("max_value of a ReLU layer cannot be a negative value. Received: max_value=-1.0",
        e.getMessage());
    e = assertThrows(JKerasException.class, () -> new LeakyReLU(-0.1));
    assertEquals("The negative_slope value of a Leaky ReLU layer cannot be None or negative"
        + " value. Expected a float. Received: negative_slope=-0.1", e.getMessage());
  }

  @Test
  void leakyReluAndElu() {
    check(LeakyReLU::new, x -> x >= 0 ? x : 0.3 * x);
    check(() -> new LeakyReLU(0.1), x -> x >= 0 ? x : 0.1 * x);
    check(ELU::new, x -> x > 0 ? x : Math.expm1(x));
    check(() -> new ELU(0.5), x -> x > 0 ? x : 0.5 * Math.expm1(x));
    assertEquals(0.3, new LeakyReLU().getConfig().get("negative_slope"));
  }

  @Test
  void prelu() {
    // With Keras's zero alpha, mean(y^2) is stationary in alpha (y = 0 where alpha acts), so
    // the training step is checked on the second layer, whose alpha starts at 0.25.
    LayerTestHarness.of(PReLU::new).inputShapes(Shape.of(2, 2, 3)).inputs(input())
        .outputShapes(Shape.of(2, 2, 3)).weights(1, 0, "alpha").noTrainingStep()
        .reference(l -> List.of(map(input(), x -> Math.max(0, x)))).run();
    LayerTestHarness.of(() -> new PReLU().alphaInitializer(new Constant(0.25)).sharedAxes(1))
        .inputShapes(Shape.of(2, 2, 3)).inputs(input()).outputShapes(Shape.of(2, 2, 3))
        .weights(1, 0, "alpha")
        .reference(l -> {
          PReLU p = (PReLU) l;
          assertEquals(Shape.of(1, 3), p.alpha().shape());
          float[] a = p.alpha().toFloatArray();
          float[] x = input().toFloatArray();
          float[] y = new float[x.length];
          for (int i = 0; i < x.length; i++) {
            y[i] = x[i] >= 0 ? x[i] : a[i % 3] * x[i];
          }
          return List.of(Tensor.of(y, 2, 2, 3));
        }).run();
    // The unshared axes are fixed after building.
    PReLU p = new PReLU().sharedAxes(1);
    p.apply(Tensor.zeros(1, 2, 3));
    var e = assertThrows(JKerasException.class, () -> p.apply(Tensor.zeros(1, 2, 4)));
    assertEquals("Input 0 of layer \"" + p.name() + "\" is incompatible with the layer: expected"
        + " axis 2 of input shape to have value 3, but received input with shape (1, 2, 4)",
        e.getMessage());
  }

  @Test
  void softmax() {
    LayerTestHarness.of(Softmax::new).inputShapes(Shape.of(2, 2, 3)).inputs(input())
        .outputShapes(Shape.of(2, 2, 3)).weights(0, 0)
        .reference(l -> List.of(softmaxReference(input().toFloatArray(), null, 4, 3)))
        .run();
    LayerTestHarness.of(() -> new Softmax(1, 2)).inputShapes(Shape.of(2, 2, 3)).inputs(input())
        .outputShapes(Shape.of(2, 2, 3)).weights(0, 0)
        .reference(l -> List.of(softmaxReference(input().toFloatArray(), null, 2, 6)))
        .run();
    assertEquals(List.of(1, 2), new Softmax(1, 2).getConfig().get("axis"));
    assertEquals(-1, new Softmax().getConfig().get("axis"));
  }

  @Test
  void softmaxWithMask() {
    boolean[] keep = {true, false, true, true, false, false, true, true, true, false, true, true};
    Tensor mask = Tensor.ofBools(keep, 2, 2, 3);
    Tensor y = new Softmax().applyEager(List.of(input()), List.of(mask), CallContext.INFERENCE)
        .get(0);
    TensorAssert.assertClose(softmaxReference(input().toFloatArray(), keep, 4, 3).toFloatArray(), y,
        1e-6);
    // A (batch, time) step mask covers every feature of a masked step.
    Tensor stepMask = Tensor.ofBools(new boolean[] {true, false, true, true}, 2, 2);
    Tensor z = new Softmax(1).applyEager(List.of(input()), List.of(stepMask),
        CallContext.INFERENCE).get(0);
    assertEquals(0f, z.getFloat(0, 1, 2), 1e-9f);
    assertEquals(1f, z.getFloat(0, 0, 2), 1e-6f);
  }

  /** Softmax over contiguous groups of {@code size}; masked entries get 0 probability. */
  private static Tensor softmaxReference(float[] x, boolean[] keep, int groups, int size) {
    float[] y = new float[x.length];
    for (int g = 0; g < groups; g++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int i = g * size; i < (g + 1) * size; i++) {
        if (keep == null || keep[i]) {
          max = Math.max(max, x[i]);
        }
      }
      double sum = 0;
      for (int i = g * size; i < (g + 1) * size; i++) {
        sum += keep == null || keep[i] ? Math.exp(x[i] - max) : 0;
      }
      for (int i = g * size; i < (g + 1) * size; i++) {
        y[i] = keep == null || keep[i] ? (float) (Math.exp(x[i] - max) / sum) : 0f;
      }
    }
    return Tensor.of(y, 2, 2, 3);
  }
}
