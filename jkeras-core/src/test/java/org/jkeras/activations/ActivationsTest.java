package org.jkeras.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

class ActivationsTest {
  @Test
  void everyKerasNameResolvesAndComputes() {
    Tensor x = Tensor.of(new float[] {-1f, 0.5f, 2f});
    double[][] expected = {
      {-1, 0.5, 2}, {0, 0.5, 2}, {0, 0.5, 2}, {-0.2, 0.5, 2},
      {Math.exp(-1) - 1, 0.5, 2},
    };
    String[] names = {"linear", "relu", "relu6", "leaky_relu", "elu"};
    for (int i = 0; i < names.length; i++) {
      Tensor y = Activations.get(names[i]).apply(x);
      for (int j = 0; j < 3; j++) {
        assertEquals(expected[i][j], y.getFloat(j), 1e-6, names[i] + " at " + j);
      }
    }
    double mish = 2 * Math.tanh(Math.log1p(Math.exp(2)));
    assertEquals(mish, Activations.get("mish").apply(x).getFloat(2), 1e-5);
    double hardSilu = 0.5 * Math.min(1, Math.max(0, 0.5 / 6 + 0.5));
    assertEquals(hardSilu, Activations.get("hard_silu").apply(x).getFloat(1), 1e-6);
    assertEquals(Math.exp(2), Activations.get("exponential").apply(x).getFloat(2), 1e-5);
    for (String n : new String[] {"selu", "gelu", "sigmoid", "hard_sigmoid", "tanh", "softmax",
        "log_softmax", "softplus", "softsign", "silu", "swish", "hard_swish"}) {
      assertEquals(n, Activations.get(n).name());
      assertEquals(x.shape(), Activations.get(n).apply(x).shape());
    }
  }

  @Test
  void unknownNamesListTheValidOnes() {
    var e = assertThrows(JKerasException.class, () -> Activations.get("rellu"));
    assertEquals(true, e.getMessage().startsWith("Unknown activation function: 'rellu'. Valid"
        + " names are [linear, relu, relu6,"), e.getMessage());
  }
}
