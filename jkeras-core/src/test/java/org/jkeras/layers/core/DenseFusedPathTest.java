package org.jkeras.layers.core;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Supplier;
import org.jkeras.activations.Activations;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.initializers.RandomUniform;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;
import org.jkeras.regularizers.Regularizers;
import org.jkeras.testing.OutputAndGradients;
import org.junit.jupiter.api.Test;

/**
 * Dense through its fused op (linear, relu, sigmoid, tanh, softmax) and through separate ops
 * (any other activation) gives what {@code activation(x @ kernel + bias)} as separate ops gives:
 * output, input, kernel and bias gradients, and the activity regularizer's loss.
 */
class DenseFusedPathTest {
  private static final List<String> ACTIVATIONS =
      List.of("linear", "relu", "sigmoid", "tanh", "softmax", "elu");

  private static List<Tensor> run(Dense layer, Tensor x, Supplier<Tensor> forward) {
    return OutputAndGradients.of(x, layer.kernel(), layer.bias(), forward);
  }


  @Test
  void everyActivationWithAndWithoutBiasOnRank2And3Inputs() {
    for (Shape shape : List.of(Shape.of(4, 9), Shape.of(2, 3, 9))) {
      for (String name : ACTIVATIONS) {
        for (boolean useBias : new boolean[] {true, false}) {
          Dense dense = new Dense(7).activation(name).useBias(useBias)
              .biasInitializer(new RandomUniform(-0.5, 0.5, 3L));
          Tensor x = Tensor.randomUniform(shape, -1f, 1f, 11);
          dense.apply(x);
          List<Tensor> got = run(dense, x, () -> dense.apply(x));
          List<Tensor> want = run(dense, x, () -> {
            Tensor z = LinalgOps.matmul(x, dense.kernel());
            return Activations.get(name).apply(useBias ? MathOps.add(z, dense.bias()) : z);
          });
          assertEquals(want.size(), got.size());
          for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i).shape(), got.get(i).shape(), name + " #" + i);
            assertClose(want.get(i).toFloatArray(), got.get(i), 1e-6);
          }
        }
      }
    }
  }

  @Test
  void activityRegularizerSeesTheFusedOutput() {
    Dense dense = new Dense(5).activation("tanh").activityRegularizer("l2");
    Tensor x = Tensor.randomUniform(Shape.of(3, 4), -1f, 1f, 21);
    Tensor y = dense.apply(x);
    List<Tensor> losses = dense.losses();
    assertEquals(1, losses.size());
    assertClose(Regularizers.get("l2").apply(y).toFloatArray(), losses.get(0), 1e-6);
  }
}
