package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jkeras.backend.CellActivation;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.RecurrentReference.Cell;
import org.jkeras.ops.RecurrentReference.Result;
import org.junit.jupiter.api.Test;

/** Forward results of the fused recurrent ops against {@link RecurrentReference}. */
class RecurrentOpsTest {
  private static final RecurrentOptions DEFAULTS = RecurrentOptions.defaults();

  static Tensor rand(long seed, float scale, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -scale, scale, seed);
  }

  /** batch 2, time 4: row 0 skips steps 1 and 3, row 1 skips steps 0 and 2. */
  static Tensor mask() {
    return Tensor.ofBools(new boolean[] {true, false, true, false, false, true, false, true}, 2, 4);
  }

  /** Weights and inputs for one cell type; {@code gates} is 4, 3 or 1. */
  record Setup(Tensor x, Tensor h0, Tensor c0, Tensor w, Tensor u, Tensor b) {
    static Setup of(int batch, int time, int features, int units, int gates, Shape biasShape,
        long seed) {
      return new Setup(rand(seed, 1f, batch, time, features), rand(seed + 1, 0.5f, batch, units),
          rand(seed + 2, 0.5f, batch, units), rand(seed + 3, 0.6f, features, gates * units),
          rand(seed + 4, 0.6f, units, gates * units),
          Tensor.randomUniform(biasShape, -0.3f, 0.3f, seed + 5));
    }

    Setup withBias(Tensor bias) {
      return new Setup(x, h0, c0, w, u, bias);
    }
  }

  static List<Tensor> run(Cell cell, Setup p, Tensor h0, Tensor c0, Tensor mask,
      RecurrentOptions o) {
    return switch (cell) {
      case LSTM -> RecurrentOps.lstm(p.x, h0, c0, p.w, p.u, p.b, mask, o);
      case GRU -> RecurrentOps.gru(p.x, h0, p.w, p.u, p.b, mask, o);
      case SIMPLE_RNN -> RecurrentOps.simpleRnn(p.x, h0, p.w, p.u, p.b, mask, o);
    };
  }

  static Setup setup(Cell cell, int batch, int time, int features, int units, boolean resetAfter,
      long seed) {
    return switch (cell) {
      case LSTM -> Setup.of(batch, time, features, units, 4, Shape.of(4 * units), seed);
      case GRU -> Setup.of(batch, time, features, units, 3,
          resetAfter ? Shape.of(2, 3 * units) : Shape.of(3 * units), seed);
      case SIMPLE_RNN -> Setup.of(batch, time, features, units, 1, Shape.of(units), seed);
    };
  }

  private static void checkForward(Cell cell, Setup p, boolean withStates, Tensor mask,
      RecurrentOptions o) {
    Tensor h0 = withStates ? p.h0 : null;
    Tensor c0 = withStates ? p.c0 : null;
    List<Tensor> out = run(cell, p, h0, c0, mask, o);
    Result ref = RecurrentReference.run(cell, p.x, h0, c0, p.w, p.u, p.b, mask, o);
    int nb = p.x.shape().dim(0);
    int nt = p.x.shape().dim(1);
    int nu = p.u.shape().dim(0);
    assertEquals(cell == Cell.LSTM ? 3 : 2, out.size());
    assertClose(ref.sequence(), Shape.of(nb, nt, nu), out.get(0), 2e-5);
    assertClose(ref.h(), Shape.of(nb, nu), out.get(1), 2e-5);
    if (cell == Cell.LSTM) {
      assertClose(ref.c(), Shape.of(nb, nu), out.get(2), 2e-5);
    }
  }

  private static void checkAllForwardCases(Cell cell, boolean resetAfter) {
    Setup p = setup(cell, 2, 4, 3, 5, resetAfter, 10);
    RecurrentOptions base = DEFAULTS.withResetAfter(resetAfter);
    for (boolean back : new boolean[] {false, true}) {
      for (boolean states : new boolean[] {false, true}) {
        for (Tensor m : new Tensor[] {null, mask()}) {
          checkForward(cell, p, states, m, base.withGoBackwards(back));
        }
      }
    }
    checkForward(cell, p, true, mask(), base.withZeroOutputForMask(true));
    checkForward(cell, p, true, mask(), base.withGoBackwards(true).withZeroOutputForMask(true));
  }

  @Test
  void lstmForwardMatchesReference() {
    checkAllForwardCases(Cell.LSTM, true);
  }

  @Test
  void gruForwardMatchesReference() {
    checkAllForwardCases(Cell.GRU, true);
  }

  @Test
  void gruResetBeforeForwardMatchesReference() {
    checkAllForwardCases(Cell.GRU, false);
  }

  @Test
  void simpleRnnForwardMatchesReference() {
    checkAllForwardCases(Cell.SIMPLE_RNN, true);
  }

  @Test
  void otherActivationsAndNoBias() {
    RecurrentOptions o = DEFAULTS.withActivation(CellActivation.RELU)
        .withRecurrentActivation(CellActivation.HARD_SIGMOID);
    for (Cell cell : Cell.values()) {
      Setup p = setup(cell, 2, 4, 3, 5, true, 20);
      checkForward(cell, p, true, null, o);
      checkForward(cell, p, true, mask(), o.withActivation(CellActivation.LINEAR));
      Setup noBias = new Setup(p.x, p.h0, p.c0, p.w, p.u, null);
      checkForward(cell, noBias, true, null, DEFAULTS);
    }
  }

  @Test
  void longSequencesSplitOverThreadsMatchReference() {
    // Large enough for the batch to be split over threads, with full vectors and a tail.
    // Recurrent weights are kept small: a chaotic cell would amplify float32 rounding.
    for (Cell cell : Cell.values()) {
      Setup big = setup(cell, 6, 40, 7, 37, true, 30);
      Setup p = new Setup(big.x, big.h0, big.c0, big.w, scale(big.u, 0.4f), big.b);
      Tensor keep = Tensor.randomUniform(Shape.of(6, 40), 0f, 1f, 31);
      Tensor m = Tensor.wrap(keep.toFloatArray(), keep.shape());
      float[] md = m.floatData();
      for (int i = 0; i < md.length; i++) {
        md[i] = md[i] < 0.8f ? 1f : 0f;
      }
      checkForward(cell, p, true, null, DEFAULTS);
      checkForward(cell, p, true, m, DEFAULTS.withGoBackwards(true));
      if (cell == Cell.GRU) {
        checkForward(cell, p.withBias(rand(32, 0.3f, 3 * 37)), true, m,
            DEFAULTS.withResetAfter(false));
      }
    }
  }

  static Tensor scale(Tensor t, float f) {
    float[] d = t.toFloatArray();
    for (int i = 0; i < d.length; i++) {
      d[i] *= f;
    }
    return Tensor.wrap(d, t.shape());
  }

  @Test
  void goBackwardsReturnsOutputsInProcessedOrder() {
    Setup p = setup(Cell.SIMPLE_RNN, 1, 3, 2, 2, true, 40);
    List<Tensor> back = run(Cell.SIMPLE_RNN, p, null, null, null, DEFAULTS.withGoBackwards(true));
    // The last output is the final state, after reading input step 0 last.
    for (int j = 0; j < 2; j++) {
      assertEquals(back.get(1).getFloat(0, j), back.get(0).getFloat(0, 2, j), 0f);
    }
  }

  @Test
  void lstmKernelShapeErrorNamesOpAndShapes() {
    Setup p = setup(Cell.LSTM, 2, 3, 4, 2, true, 50);
    var e = assertThrows(IncompatibleShapesException.class,
        () -> RecurrentOps.lstm(p.x, null, null, rand(1, 1f, 3, 8), p.u, p.b));
    assertEquals("lstm: incompatible shapes (2, 3, 4) and (3, 8): the kernel must have shape"
        + " (features, 4 * units) = (4, 8) for inputs with 4 features and a recurrent kernel"
        + " with 2 units.", e.getMessage());
  }

  @Test
  void otherShapeErrors() {
    Setup p = setup(Cell.GRU, 2, 3, 4, 2, true, 60);
    var e = assertThrows(JKerasException.class,
        () -> RecurrentOps.gru(p.x, null, p.w, p.u, rand(1, 1f, 6)));
    assertEquals("gru: the bias must have shape (2, 3 * units) with reset_after = (2, 6), got"
        + " (6,); pass null for no bias.", e.getMessage());
    e = assertThrows(JKerasException.class,
        () -> RecurrentOps.gru(p.x, rand(2, 1f, 3, 2), p.w, p.u, p.b));
    assertEquals("gru: the initial state h0 must have shape (batch, units) = (2, 2), got (3, 2).",
        e.getMessage());
    e = assertThrows(JKerasException.class,
        () -> RecurrentOps.simpleRnn(p.x, null, rand(3, 1f, 4, 2), rand(4, 1f, 2, 3), null));
    assertEquals("simpleRnn: the recurrent kernel must have shape (units, units), got (2, 3).",
        e.getMessage());
    e = assertThrows(IncompatibleShapesException.class, () -> RecurrentOps.gru(p.x, null, p.w,
        p.u, p.b, Tensor.ones(2, 4), DEFAULTS));
    assertEquals("gru: incompatible shapes (2, 3, 4) and (2, 4): the mask must have shape"
        + " (batch, time) = (2, 3).", e.getMessage());
  }

  @Test
  void noTapeRecordsNothing() {
    Setup p = setup(Cell.LSTM, 2, 3, 3, 2, true, 70);
    try (GradientTape tape = new GradientTape()) {
      List<Tensor> out = RecurrentOps.lstm(p.x, null, null, p.w, p.u, p.b);
      assertEquals(0f, tape.gradient(out.get(0), p.w).floatData()[0]);
    }
  }
}
