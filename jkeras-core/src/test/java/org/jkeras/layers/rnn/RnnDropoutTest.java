package org.jkeras.layers.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.layers.CallContext;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.ReductionOps;
import org.jkeras.testing.GradientCheck;
import org.jkeras.testing.LayerTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Dropout and recurrent dropout as Keras 3: training only, one mask per sequence, seeded; and
 * the unfused per-step path that recurrent dropout runs on, checked against the fused ops.
 */
class RnnDropoutTest {
  private static final Tensor X = Tensor.randomUniform(Shape.of(3, 4, 2), -1f, 1f, 21);

  private static List<BaseRnn> cells() {
    return List.of(new LSTM(3), new GRU(3), new GRU(3).resetAfter(false), new SimpleRNN(3),
        new LSTM(3).useBias(false), new GRU(3).useBias(false));
  }

  private static int gates(BaseRnn l) {
    return l instanceof LSTM ? 4 : l instanceof GRU ? 3 : 1;
  }

  private static Tensor flat(List<Tensor> ys) {
    return org.jkeras.ops.ConcatOps.concatenate(
        ys.stream().map(y -> org.jkeras.ops.ArrayOps.reshape(y, -1)).toList(), 0);
  }

  @Test
  void unfusedStepsEqualTheFusedOpsWithTheirGradients() {
    Tensor mask = Tensor.ofBools(new boolean[] {true, true, false, true, true, true, true, true,
        true, false, false, false}, 3, 4);
    for (BaseRnn layer : cells()) {
      for (boolean backwards : new boolean[] {false, true}) {
        layer.buildFor(List.of(X.shape()));
        RecurrentOptions o = layer.options().withGoBackwards(backwards)
            .withZeroOutputForMask(backwards);
        List<Tensor> init = new ArrayList<>();
        for (int s = 0; s < layer.stateCount(); s++) {
          init.add(Tensor.randomUniform(Shape.of(3, 3), -1f, 1f, 30 + s));
        }
        Tensor x = new Variable(X, "x");
        List<Variable> vars = new ArrayList<>(layer.trainableWeights());
        List<Tensor> fusedGrads;
        List<Tensor> stepGrads;
        Tensor fused;
        Tensor steps;
        try (GradientTape tape = new GradientTape()) {
          fused = flat(layer.runSequence(List.of(x), init, mask, o));
          List<Tensor> targets = new ArrayList<>(vars);
          targets.add(x);
          fusedGrads = tape.gradient(ReductionOps.sum(org.jkeras.ops.MathOps.square(fused)),
              targets);
        }
        try (GradientTape tape = new GradientTape()) {
          steps = flat(RecurrentSteps.run(x, init, layer.kernel(), layer.inputBias(),
              gates(layer), 3, null, null, mask, o, layer::step));
          List<Tensor> targets = new ArrayList<>(vars);
          targets.add(x);
          stepGrads = tape.gradient(ReductionOps.sum(org.jkeras.ops.MathOps.square(steps)),
              targets);
        }
        String what = layer.getClass().getSimpleName() + " backwards=" + backwards;
        assertArrayEquals(fused.toFloatArray(), steps.toFloatArray(), 1e-5f, what);
        for (int i = 0; i < fusedGrads.size(); i++) {
          assertArrayEquals(fusedGrads.get(i).toFloatArray(), stepGrads.get(i).toFloatArray(),
              1e-4f, what + " gradient " + i);
        }
      }
    }
  }

  @Test
  void unfusedStepsWithFixedMasksPassAGradientCheck() {
    GRU gru = new GRU(2);
    gru.buildFor(List.of(X.shape()));
    RnnDropout d = new RnnDropout(3L);
    List<Tensor> in = d.masks(Shape.of(3, 2), 0.4, 3);
    List<Tensor> rec = d.masks(Shape.of(3, 2), 0.4, 3);
    GradientCheck.standard().check(args -> flat(RecurrentSteps.run(args.get(0),
        List.of(args.get(1)), gru.kernel(), gru.inputBias(), 3, 2, in, rec, null,
        gru.options(), gru::step)), X, Tensor.randomUniform(Shape.of(3, 2), -1f, 1f, 4));
  }

  @Test
  void inferenceIgnoresDropoutAndTrainingUsesIt() {
    for (BaseRnn plainLayer : List.<BaseRnn>of(new LSTM(3), new GRU(3), new SimpleRNN(3))) {
      BaseRnn dropped = (BaseRnn) org.jkeras.layers.LayerRegistry.fromConfig(
          plainLayer.getClass().getSimpleName(), withDropout(plainLayer.getConfig()));
      plainLayer.buildFor(List.of(X.shape()));
      dropped.buildFor(List.of(X.shape()));
      dropped.setWeights(plainLayer.getWeights());
      assertArrayEquals(plainLayer.apply(X).toFloatArray(), dropped.apply(X).toFloatArray(),
          plainLayer.getClass().getSimpleName());
      assertFalse(java.util.Arrays.equals(plainLayer.apply(X, true).toFloatArray(),
          dropped.apply(X, true).toFloatArray()));
    }
  }

  private static java.util.Map<String, Object> withDropout(java.util.Map<String, Object> c) {
    var m = new java.util.LinkedHashMap<>(c);
    m.remove("name");
    m.put("dropout", 0.5);
    m.put("recurrent_dropout", 0.5);
    m.put("seed", 1);
    return m;
  }

  @Test
  void theSameSeedGivesTheSameMasks() {
    List<float[]> outs = new ArrayList<>();
    for (long seed : new long[] {7, 7, 8}) {
      LSTM l = new LSTM(3).dropout(0.3).recurrentDropout(0.3).seed(seed);
      l.buildFor(List.of(X.shape()));
      if (!outs.isEmpty()) {
        l.setWeights(firstWeights);
      } else {
        firstWeights = l.getWeights();
      }
      outs.add(l.apply(X, true).toFloatArray());
    }
    assertArrayEquals(outs.get(0), outs.get(1));
    assertFalse(java.util.Arrays.equals(outs.get(0), outs.get(2)));
  }

  private List<Tensor> firstWeights;

  /** A linear SimpleRNN with identity kernels, no bias: its states expose the masks. */
  private static SimpleRNN probe(int units, boolean recurrentIdentity) {
    SimpleRNN r = new SimpleRNN(units).activation("linear").useBias(false)
        .returnSequences(true).seed(5L);
    r.buildFor(List.of(Shape.of(200, 3, units)));
    float[] eye = new float[units * units];
    for (int i = 0; i < units; i++) {
      eye[i * units + i] = 1;
    }
    Tensor id = Tensor.wrap(eye, Shape.of(units, units));
    r.setWeights(List.of(id, recurrentIdentity ? id : Tensor.zeros(units, units)));
    return r;
  }

  @Test
  void inputDropoutIsOneScaledMaskPerSequence() {
    SimpleRNN r = probe(10, false).dropout(0.3);
    float[] y = r.apply(Tensor.ones(200, 3, 10), true).toFloatArray();
    int zeros = 0;
    for (int b = 0; b < 200; b++) {
      for (int j = 0; j < 10; j++) {
        float v = y[(b * 3) * 10 + j];
        assertTrue(v == 0f || Math.abs(v - 1 / 0.7f) < 1e-6, "kept inputs scale by 1 / 0.7");
        zeros += v == 0f ? 1 : 0;
        for (int t = 1; t < 3; t++) {
          assertEquals(v, y[(b * 3 + t) * 10 + j], "the same mask at every step");
        }
      }
    }
    assertEquals(0.3, zeros / 2000.0, 0.04, "the dropped fraction");
    assertArrayEquals(Tensor.ones(200, 3, 10).toFloatArray(),
        r.apply(Tensor.ones(200, 3, 10)).toFloatArray(), "inference drops nothing");
  }

  @Test
  void recurrentDropoutIsOneScaledMaskPerSequence() {
    SimpleRNN r = probe(10, true).recurrentDropout(0.3);
    float[] x = new float[200 * 3 * 10];
    for (int b = 0; b < 200; b++) {
      for (int j = 0; j < 10; j++) {
        x[b * 30 + j] = 1;
      }
    }
    float[] y = r.apply(Tensor.wrap(x, Shape.of(200, 3, 10)), true).toFloatArray();
    int zeros = 0;
    for (int b = 0; b < 200; b++) {
      for (int j = 0; j < 10; j++) {
        assertEquals(1f, y[b * 30 + j], "the first step has a zero state to drop");
        float h1 = y[b * 30 + 10 + j];
        float h2 = y[b * 30 + 20 + j];
        assertTrue(h1 == 0f || Math.abs(h1 - 1 / 0.7f) < 1e-6);
        assertEquals(h1 * h1, h2, 1e-5, "the same mask again at the next step");
        zeros += h1 == 0f ? 1 : 0;
      }
    }
    assertEquals(0.3, zeros / 2000.0, 0.04, "the dropped fraction");
  }

  @Test
  void recurrentDropoutTrainsThroughTheUnfusedPath() {
    GRU gru = new GRU(3).dropout(0.2).recurrentDropout(0.2).seed(9L);
    gru.buildFor(List.of(X.shape()));
    List<Variable> vars = gru.trainableWeights();
    try (GradientTape tape = new GradientTape()) {
      Tensor loss = ReductionOps.sum(gru.apply(X, true));
      List<Tensor> grads = tape.gradient(loss, vars);
      for (Tensor g : grads) {
        assertTrue(ReductionOps.sum(org.jkeras.ops.MathOps.abs(g)).item() > 0);
      }
    }
  }

  /** The harness's training step draws new masks on each call, so it is left out here. */
  @Test
  void harnessWithDropoutOptions() {
    LayerTestHarness.of(() -> new LSTM(2).dropout(0.3).recurrentDropout(0.2).seed(1L))
        .inputShapes(Shape.of(2, 3, 2)).outputShapes(Shape.of(2, 2)).noTrainingStep()
        .weights(3, 0, "kernel", "recurrent_kernel", "bias").run();
    LayerTestHarness.of(() -> new GRU(2).dropout(0.3).recurrentDropout(0.2).returnSequences(true))
        .inputShapes(Shape.of(2, 3, 2)).outputShapes(Shape.of(2, 3, 2)).noTrainingStep()
        .weights(3, 0, "kernel", "recurrent_kernel", "bias").run();
    LayerTestHarness.of(() -> new SimpleRNN(2).recurrentDropout(0.5).seed(4L))
        .inputShapes(Shape.of(2, 3, 2)).outputShapes(Shape.of(2, 2)).training()
        .noGradientCheck().noTrainingStep()
        .weights(3, 0, "kernel", "recurrent_kernel", "bias").run();
    LSTM clipped = new LSTM(2).dropout(1.5).recurrentDropout(-1);
    assertEquals(1.0, clipped.getConfig().get("dropout"));
    assertEquals(0.0, clipped.getConfig().get("recurrent_dropout"));
    assertEquals(4L, new SimpleRNN(2).seed(4L).getConfig().get("seed"));
  }
}
