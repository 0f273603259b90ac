package org.jkeras.layers.convolutional;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Supplier;
import org.jkeras.activations.Activations;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.ConvOps;
import org.jkeras.ops.MathOps;
import org.jkeras.testing.OutputAndGradients;
import org.junit.jupiter.api.Test;

/**
 * Conv1D and Conv2D through the fused conv op (linear, relu, sigmoid, tanh, softmax) and through
 * separate ops (other activations) give what conv, add and activation as separate ops give:
 * output, input, kernel and bias gradients, with strides and both paddings.
 */
class ConvFusedPathTest {
  private static final List<String> ACTIVATIONS =
      List.of("linear", "relu", "sigmoid", "tanh", "softmax", "selu");

  private static List<Tensor> run(BaseConv layer, Tensor x, Supplier<Tensor> forward) {
    return OutputAndGradients.of(x, layer.kernel(), layer.bias(), forward);
  }


  private static void check(BaseConv conv, Tensor x, String name, boolean useBias, int[] strides,
      String padding) {
    conv.apply(x);
    int rank = x.rank() - 2;
    int[] ones = new int[rank];
    java.util.Arrays.fill(ones, 1);
    List<Tensor> got = run(conv, x, () -> conv.apply(x));
    List<Tensor> want = run(conv, x, () -> {
      Tensor z = ConvOps.conv(x, conv.kernel(), strides, padding, ones);
      return Activations.get(name).apply(useBias ? MathOps.add(z, conv.bias()) : z);
    });
    assertEquals(want.size(), got.size());
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i).shape(), got.get(i).shape(), name + " #" + i);
      assertClose(want.get(i).toFloatArray(), got.get(i), 1e-6);
    }
  }

  @Test
  void conv1dEveryActivationWithAndWithoutBias() {
    Tensor x = Tensor.randomUniform(Shape.of(2, 11, 3), -1f, 1f, 7);
    for (String name : ACTIVATIONS) {
      for (boolean useBias : new boolean[] {true, false}) {
        Conv1D conv = new Conv1D(5, 3).strides(2).padding("same").activation(name)
            .useBias(useBias).biasInitializer("random_uniform");
        check(conv, x, name, useBias, new int[] {2}, "same");
      }
    }
  }

  @Test
  void conv2dEveryActivationWithAndWithoutBias() {
    Tensor x = Tensor.randomUniform(Shape.of(2, 7, 6, 3), -1f, 1f, 9);
    for (String name : ACTIVATIONS) {
      for (boolean useBias : new boolean[] {true, false}) {
        Conv2D conv = new Conv2D(4, 3, 2).strides(2, 1).activation(name).useBias(useBias)
            .biasInitializer("random_uniform");
        check(conv, x, name, useBias, new int[] {2, 1}, "valid");
      }
    }
  }
}
