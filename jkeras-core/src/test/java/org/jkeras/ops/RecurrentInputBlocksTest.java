package org.jkeras.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.junit.jupiter.api.Test;

/**
 * Inputs given as blocks of batch rows (how a shared layer's calls run as one) give exactly what
 * the same rows concatenated give: outputs, states, and the gradients of every weight and of each
 * block, with and without a mask over the stacked batch, for all three cells.
 */
class RecurrentInputBlocksTest {
  private static final int T = 5;
  private static final int F = 3;
  private static final int U = 4;

  private interface Cell {
    List<Tensor> run(List<Tensor> blocks, Tensor mask, Tensor[] w);
  }

  private static final Cell LSTM = (x, m, w) -> RecurrentOps.lstm(x, null, null, w[0], w[1],
      w[2], m, RecurrentOptions.defaults());
  private static final Cell GRU = (x, m, w) -> RecurrentOps.gru(x, null, w[0], w[1], w[2], m,
      RecurrentOptions.defaults().withResetAfter(false));
  private static final Cell SIMPLE = (x, m, w) -> RecurrentOps.simpleRnn(x, null, w[0], w[1],
      w[2], m, RecurrentOptions.defaults());

  @Test
  void lstmBlocksEqualConcatenatedInputs() {
    check(LSTM, 4);
  }

  @Test
  void gruBlocksEqualConcatenatedInputs() {
    check(GRU, 3);
  }

  @Test
  void simpleRnnBlocksEqualConcatenatedInputs() {
    check(SIMPLE, 1);
  }

  @Test
  void blocksMustShareTimeAndFeatures() {
    Tensor[] w = weights(4, 1);
    Tensor a = Tensor.randomNormal(Shape.of(2, T, F), 0f, 1f, 1);
    Tensor b = Tensor.randomNormal(Shape.of(2, T + 1, F), 0f, 1f, 2);
    IncompatibleShapesException e = assertThrows(IncompatibleShapesException.class,
        () -> LSTM.run(List.of(a, b), null, w));
    assertTrue(e.getMessage().contains("share (time, features)"), e.getMessage());
    JKerasException none = assertThrows(JKerasException.class,
        () -> LSTM.run(List.of(), null, w));
    assertTrue(none.getMessage().contains("one or more"), none.getMessage());
  }

  private static void check(Cell cell, int gates) {
    for (boolean masked : new boolean[] {false, true}) {
      Tensor[] w = weights(gates, 10);
      Variable a = new Variable(Tensor.randomNormal(Shape.of(2, T, F), 0f, 1f, 3), "a");
      Variable b = new Variable(Tensor.randomNormal(Shape.of(3, T, F), 0f, 1f, 4), "b");
      Tensor mask = masked ? mask(5) : null;
      List<Tensor> blockOut;
      List<Tensor> blockGrads;
      try (GradientTape tape = new GradientTape()) {
        blockOut = cell.run(List.of(a, b), mask, w);
        blockGrads = tape.gradient(loss(blockOut), sources(w, a, b));
      }
      List<Tensor> joinedOut;
      List<Tensor> joinedGrads;
      try (GradientTape tape = new GradientTape()) {
        joinedOut = cell.run(List.of(ConcatOps.concatenate(List.of(a, b), 0)), mask, w);
        joinedGrads = tape.gradient(loss(joinedOut), sources(w, a, b));
      }
      for (int i = 0; i < blockOut.size(); i++) {
        assertArrayEquals(joinedOut.get(i).toFloatArray(), blockOut.get(i).toFloatArray(), 1e-6f,
            "output " + i + ", masked " + masked);
      }
      for (int i = 0; i < blockGrads.size(); i++) {
        assertArrayEquals(joinedGrads.get(i).toFloatArray(), blockGrads.get(i).toFloatArray(),
            1e-5f, "gradient " + i + ", masked " + masked);
      }
    }
  }

  /** Uses the sequence and every state, so each output's gradient path is exercised. */
  private static Tensor loss(List<Tensor> outputs) {
    Tensor total = ReductionOps.sum(MathOps.square(outputs.get(0)));
    for (int i = 1; i < outputs.size(); i++) {
      total = MathOps.add(total, ReductionOps.sum(outputs.get(i)));
    }
    return total;
  }

  private static List<Tensor> sources(Tensor[] w, Tensor a, Tensor b) {
    List<Tensor> s = new ArrayList<>(List.of(w));
    s.add(a);
    s.add(b);
    return s;
  }

  private static Tensor[] weights(int gates, long seed) {
    return new Tensor[] {
      new Variable(Tensor.randomNormal(Shape.of(F, gates * U), 0f, 0.5f, seed), "kernel"),
      new Variable(Tensor.randomNormal(Shape.of(U, gates * U), 0f, 0.5f, seed + 1), "recurrent"),
      new Variable(Tensor.randomNormal(Shape.of(gates * U), 0f, 0.5f, seed + 2), "bias")};
  }

  private static Tensor mask(int batch) {
    float[] m = new float[batch * T];
    for (int i = 0; i < m.length; i++) {
      m[i] = (i * 7) % 5 == 0 ? 0f : 1f;
    }
    return Tensor.wrap(m, Shape.of(batch, T));
  }
}
