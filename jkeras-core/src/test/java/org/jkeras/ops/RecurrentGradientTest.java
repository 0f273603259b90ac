package org.jkeras.ops;

import static org.jkeras.ops.RecurrentOpsTest.run;
import static org.jkeras.ops.RecurrentOpsTest.scale;
import static org.jkeras.ops.RecurrentOpsTest.setup;
import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jkeras.backend.CellActivation;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.cpu.CpuThreads;
import org.jkeras.ops.RecurrentOpsTest.Setup;
import org.jkeras.ops.RecurrentReference.Cell;
import org.jkeras.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * Backpropagation through time of the fused recurrent ops against finite differences, with
 * respect to every input (inputs, initial states, kernel, recurrent kernel, bias) and from every
 * output (the sequence and each final state).
 */
class RecurrentGradientTest {
  private static final RecurrentOptions DEFAULTS = RecurrentOptions.defaults();

  /** batch 2, time 3: row 0 skips step 1, row 1 skips steps 0 and 2. */
  private static Tensor mask() {
    return Tensor.ofBools(new boolean[] {true, false, true, false, true, false}, 2, 3);
  }

  /** Checks the gradient of each output with respect to every input. */
  private static void check(Cell cell, Setup p, Tensor mask, RecurrentOptions o) {
    int outputs = cell == Cell.LSTM ? 3 : 2;
    GradientCheck gc = GradientCheck.standard();
    for (int k = 0; k < outputs; k++) {
      int which = k;
      if (cell == Cell.LSTM) {
        gc.check(a -> RecurrentOps.lstm(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4),
            a.get(5), mask, o).get(which), p.x(), p.h0(), p.c0(), p.w(), p.u(), p.b());
      } else if (cell == Cell.GRU) {
        gc.check(a -> RecurrentOps.gru(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4), mask, o)
            .get(which), p.x(), p.h0(), p.w(), p.u(), p.b());
      } else {
        gc.check(a -> RecurrentOps.simpleRnn(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4),
            mask, o).get(which), p.x(), p.h0(), p.w(), p.u(), p.b());
      }
    }
  }

  private static void checkCases(Cell cell, boolean resetAfter) {
    Setup p = setup(cell, 2, 3, 3, 2, resetAfter, 100);
    RecurrentOptions o = DEFAULTS.withResetAfter(resetAfter);
    check(cell, p, null, o);
    check(cell, p, mask(), o);
    check(cell, p, null, o.withGoBackwards(true));
    check(cell, p, mask(), o.withGoBackwards(true).withZeroOutputForMask(true));
  }

  @Test
  void lstmGradients() {
    checkCases(Cell.LSTM, true);
  }

  @Test
  void gruGradients() {
    checkCases(Cell.GRU, true);
  }

  @Test
  void gruResetBeforeGradients() {
    checkCases(Cell.GRU, false);
  }

  @Test
  void simpleRnnGradients() {
    checkCases(Cell.SIMPLE_RNN, true);
  }

  @Test
  void gradientsWithOtherActivations() {
    // Smooth choices only: finite differences across relu's kink would be noise.
    RecurrentOptions o = DEFAULTS.withActivation(CellActivation.LINEAR)
        .withRecurrentActivation(CellActivation.SIGMOID);
    for (Cell cell : Cell.values()) {
      check(cell, setup(cell, 2, 3, 3, 2, true, 110), mask(), o);
    }
  }

  @Test
  void gradientsOfLongerSequencesWithFullVectors() {
    // Rows of 18 units: full vectors and a tail on every vector width.
    for (Cell cell : Cell.values()) {
      Setup p = setup(cell, 2, 12, 2, 18, true, 120);
      Setup small = new Setup(p.x(), p.h0(), p.c0(), scale(p.w(), 0.5f), scale(p.u(), 0.3f),
          p.b());
      Tensor m = Tensor.ofBools(new boolean[] {
        true, true, false, true, true, true, true, false, true, true, true, true,
        false, true, true, true, true, true, true, true, true, false, true, true}, 2, 12);
      GradientCheck gc = GradientCheck.standard();
      gc.check(a -> run(cell, new Setup(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4),
          a.get(5)), a.get(1), a.get(2), m, DEFAULTS).get(0),
          small.x(), small.h0(), small.c0(), small.w(), small.u(), small.b());
    }
  }

  @Test
  void batchSplitOverThreadsGivesTheSameGradients() {
    // Large enough for CpuThreads to split the batch; one thread must agree with two.
    for (Cell cell : Cell.values()) {
      Setup big = setup(cell, 8, 30, 5, 40, true, 160);
      Setup p = new Setup(big.x(), big.h0(), big.c0(), big.w(), scale(big.u(), 0.4f), big.b());
      Tensor m = Tensor.randomUniform(Shape.of(8, 30), 0f, 1f, 161);
      float[] md = m.floatData();
      for (int i = 0; i < md.length; i++) {
        md[i] = md[i] < 0.8f ? 1f : 0f;
      }
      List<Tensor> two = allGradients(cell, p, m);
      int threads = CpuThreads.maxThreads();
      CpuThreads.setMaxThreads(1);
      try {
        List<Tensor> one = allGradients(cell, p, m);
        for (int i = 0; i < one.size(); i++) {
          assertClose(one.get(i).toFloatArray(), two.get(i), 1e-5);
        }
      } finally {
        CpuThreads.setMaxThreads(threads);
      }
    }
  }

  @Test
  void eachRowOfASplitBatchMatchesThatRowAlone() {
    // A batch split over threads projects each chunk's rows inside the chunk; a lone row cannot
    // split, so its projection runs first, over all threads. Both must give the same outputs.
    for (Cell cell : Cell.values()) {
      Setup p = setup(cell, 8, 30, 5, 40, true, 170);
      RecurrentOptions o = DEFAULTS.withGoBackwards(true);
      List<Tensor> batch = run(cell, p, p.h0(), p.c0(), null, o);
      for (int r = 0; r < 8; r++) {
        Setup row = new Setup(IndexingOps.slice(p.x(), new int[] {r, 0, 0}, new int[] {1, 30, 5}),
            IndexingOps.slice(p.h0(), new int[] {r, 0}, new int[] {1, 40}),
            IndexingOps.slice(p.c0(), new int[] {r, 0}, new int[] {1, 40}), p.w(), p.u(), p.b());
        List<Tensor> alone = run(cell, row, row.h0(), row.c0(), null, o);
        for (int i = 0; i < alone.size(); i++) {
          Tensor out = batch.get(i);
          int[] start = new int[out.shape().rank()];
          start[0] = r;
          int[] size = out.shape().dims();
          size[0] = 1;
          assertClose(alone.get(i).toFloatArray(), IndexingOps.slice(out, start, size), 1e-5);
        }
      }
    }
  }

  private static List<Tensor> allGradients(Cell cell, Setup p, Tensor mask) {
    List<Tensor> sources = List.of(p.x(), p.h0(), p.c0(), p.w(), p.u(), p.b());
    try (GradientTape tape = new GradientTape()) {
      tape.watch(sources.toArray(new Tensor[0]));
      List<Tensor> out = run(cell, p, p.h0(), p.c0(), mask, DEFAULTS.withGoBackwards(true));
      Tensor loss = ArrayOps.sum(MathOps.multiply(out.get(0), out.get(0)));
      return tape.gradient(MathOps.add(loss, ArrayOps.sum(out.get(1))), sources);
    }
  }

  @Test
  void combinedOutputGradientsAddUp() {
    // All outputs at once: the backward pass receives every output's gradient together.
    Setup p = setup(Cell.LSTM, 2, 3, 3, 2, true, 130);
    GradientCheck.standard().check(a -> {
      List<Tensor> out = RecurrentOps.lstm(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4),
          a.get(5), mask(), DEFAULTS);
      Tensor sq = ArrayOps.sum(MathOps.multiply(out.get(0), out.get(0)));
      return MathOps.add(sq, MathOps.add(ArrayOps.sum(out.get(1)),
          ArrayOps.sum(MathOps.multiply(out.get(2), out.get(1)))));
    }, p.x(), p.h0(), p.c0(), p.w(), p.u(), p.b());
  }

  @Test
  void noBiasGivesNoBiasGradient() {
    Setup p = setup(Cell.GRU, 2, 3, 3, 2, true, 140);
    GradientCheck.standard().check(a -> RecurrentOps.gru(a.get(0), a.get(1), a.get(2), a.get(3),
        null).get(0), p.x(), p.h0(), p.w(), p.u());
  }

  @Test
  void inputsGradientIsSkippedWhenInputsAreNotWatched() {
    Setup p = setup(Cell.LSTM, 2, 3, 3, 2, true, 150);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(p.w());
      Tensor y = RecurrentOps.lstm(p.x(), null, null, p.w(), p.u(), p.b()).get(0);
      List<Tensor> g = tape.gradient(y, List.of(p.x(), p.w()));
      assertEquals(Shape.of(2, 3, 3), g.get(0).shape());
      for (float v : g.get(0).floatData()) {
        assertEquals(0f, v);
      }
      assertEquals(Shape.of(3, 8), g.get(1).shape());
    }
  }
}
