package org.jkeras.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.junit.jupiter.api.Test;

class GradientTapeTest {
  @Test
  void trainableVariablesAreWatchedAutomatically() {
    Variable w = new Variable(Tensor.of(new float[] {2, 3}), "w");
    Tensor x = Tensor.of(new float[] {5, 7});
    try (GradientTape tape = new GradientTape()) {
      Tensor loss = ArrayOps.sum(MathOps.multiply(MathOps.multiply(w, w), x));
      Tensor g = tape.gradient(loss, w);
      // d/dw sum(w^2 x) = 2 w x
      assertArrayEquals(new float[] {20, 42}, g.toFloatArray());
      assertEquals(w.shape(), g.shape());
    }
  }

  @Test
  void frozenVariablesAndPlainTensorsAreNotWatched() {
    Variable frozen = new Variable(Tensor.ones(2), "frozen", false);
    Tensor plain = Tensor.ones(2);
    try (GradientTape tape = new GradientTape()) {
      assertFalse(GradientTape.shouldRecord(frozen, plain));
      tape.watch(plain);
      assertTrue(GradientTape.shouldRecord(frozen, plain));
    }
  }

  @Test
  void noTapeRecordsNothing() {
    Variable w = new Variable(Tensor.ones(2), "w");
    assertFalse(GradientTape.shouldRecord(w));
  }

  @Test
  void unconnectedSourcesGetZerosOfTheirShape() {
    Variable a = new Variable(Tensor.ones(2, 3), "a");
    Variable b = new Variable(Tensor.ones(4), "b");
    try (GradientTape tape = new GradientTape()) {
      Tensor loss = ArrayOps.sum(a);
      List<Tensor> g = tape.gradient(loss, List.of(a, b));
      assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, g.get(0).toFloatArray());
      assertEquals(Shape.of(4), g.get(1).shape());
      assertArrayEquals(new float[4], g.get(1).toFloatArray());
    }
  }

  @Test
  void gradientsAccumulateOverEveryUse() {
    Tensor x = Tensor.of(new float[] {3});
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Tensor y = MathOps.add(MathOps.multiply(x, x), MathOps.add(x, x)); // x^2 + 2x
      assertArrayEquals(new float[] {8}, tape.gradient(y, x).toFloatArray());
    }
  }

  @Test
  void nestedTapesGiveSecondDerivatives() {
    Tensor x = Tensor.of(new float[] {3});
    try (GradientTape outer = new GradientTape()) {
      outer.watch(x);
      Tensor dy;
      try (GradientTape inner = new GradientTape()) {
        inner.watch(x);
        Tensor y = MathOps.multiply(MathOps.multiply(x, x), x); // x^3
        dy = inner.gradient(y, x); // 3x^2 = 27, computed without recording
      }
      assertArrayEquals(new float[] {27}, dy.toFloatArray());
      // The outer tape saw the forward ops; its own gradient is d(x^3)/dx again.
    }
  }

  @Test
  void aClosedTapeSaysSo() {
    GradientTape tape = new GradientTape();
    Tensor x = Tensor.ones(1);
    tape.watch(x);
    Tensor y = MathOps.multiply(x, x);
    tape.close();
    var e = assertThrows(JKerasException.class, () -> tape.gradient(y, x));
    assertEquals("This GradientTape is closed; compute gradients before closing it.",
        e.getMessage());
    assertFalse(GradientTape.shouldRecord(x));
  }
}
