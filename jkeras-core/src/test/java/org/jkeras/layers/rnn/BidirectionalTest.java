package org.jkeras.layers.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.testing.LayerTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Bidirectional against running the forward layer and, by hand, the backward layer's weights
 * over a reversed copy of the sequence.
 */
class BidirectionalTest {
  private static final Tensor X = Tensor.randomUniform(Shape.of(2, 4, 3), -1f, 1f, 51);

  /** {@code x[:, ::-1]} by hand. */
  private static Tensor reverseTime(Tensor x) {
    int nb = x.shape().dim(0);
    int nt = x.shape().dim(1);
    int nf = x.shape().dim(2);
    float[] in = x.toFloatArray();
    float[] out = new float[in.length];
    for (int b = 0; b < nb; b++) {
      for (int t = 0; t < nt; t++) {
        System.arraycopy(in, (b * nt + t) * nf, out, (b * nt + nt - 1 - t) * nf, nf);
      }
    }
    return Tensor.wrap(out, x.shape());
  }

  /** The two directions' outputs in input order, computed with plain layers. */
  private static Tensor[] directions(Bidirectional bi, boolean sequences) {
    LSTM f = new LSTM(2).returnSequences(sequences);
    LSTM b = new LSTM(2).returnSequences(sequences);
    f.buildFor(List.of(X.shape()));
    b.buildFor(List.of(X.shape()));
    f.setWeights(bi.forwardLayer().getWeights());
    b.setWeights(bi.backwardLayer().getWeights());
    Tensor yb = b.apply(reverseTime(X));
    return new Tensor[] {f.apply(X), sequences ? reverseTime(yb) : yb};
  }

  private static float[] merge(String mode, float[] a, float[] b, int width) {
    if (mode.equals("concat")) {
      int rows = a.length / width;
      float[] out = new float[2 * a.length];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(a, r * width, out, 2 * r * width, width);
        System.arraycopy(b, r * width, out, (2 * r + 1) * width, width);
      }
      return out;
    }
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = switch (mode) {
        case "sum" -> a[i] + b[i];
        case "mul" -> a[i] * b[i];
        default -> (a[i] + b[i]) / 2;
      };
    }
    return out;
  }

  @Test
  void mergeModesAgainstTheTwoDirectionsByHand() {
    for (boolean sequences : new boolean[] {true, false}) {
      for (String mode : new String[] {"concat", "sum", "mul", "ave"}) {
        Bidirectional bi = new Bidirectional(new LSTM(2).returnSequences(sequences), mode);
        Tensor y = bi.apply(X);
        Tensor[] d = directions(bi, sequences);
        assertArrayEquals(merge(mode, d[0].toFloatArray(), d[1].toFloatArray(), 2),
            y.toFloatArray(), 1e-5f, mode + " sequences=" + sequences);
      }
      Bidirectional none = new Bidirectional(new LSTM(2).returnSequences(sequences), null);
      List<Tensor> both = none.applyEager(List.of(X), CallContext.INFERENCE);
      Tensor[] d = directions(none, sequences);
      assertArrayEquals(d[0].toFloatArray(), both.get(0).toFloatArray(), 1e-5f);
      assertArrayEquals(d[1].toFloatArray(), both.get(1).toFloatArray(), 1e-5f);
    }
  }

  @Test
  void weightsAreNamedAndOrderedAsKeras() {
    LSTM inner = new LSTM(2).name("lstm");
    Bidirectional bi = new Bidirectional(inner);
    bi.apply(Keras.input(4, 3));
    List<String> names = bi.weights().stream().map(Variable::name).toList();
    assertEquals(List.of("forward_lstm/lstm_cell/kernel", "forward_lstm/lstm_cell/recurrent_kernel",
        "forward_lstm/lstm_cell/bias", "backward_lstm/lstm_cell/kernel",
        "backward_lstm/lstm_cell/recurrent_kernel", "backward_lstm/lstm_cell/bias"), names);
    assertEquals(false, inner.built(), "the wrapped layer is only a template");
    assertEquals(true, bi.backwardLayer().goBackwards());
    assertEquals(6, bi.trainableWeights().size());
    bi.trainable(false);
    assertEquals(0, bi.trainableWeights().size());
    assertEquals(6, bi.nonTrainableWeights().size());
  }

  @Test
  void returnStateGivesTheForwardThenTheBackwardStates() {
    Bidirectional bi = new Bidirectional(new LSTM(2).returnState(true), "sum");
    List<KerasTensor> sym = bi.applyOutputs(List.of(Keras.input(4, 3)));
    assertEquals(5, sym.size());
    List<Tensor> out = bi.applyEager(List.of(X), CallContext.INFERENCE);
    List<Tensor> f = bi.forwardLayer().applyEager(List.of(X), CallContext.INFERENCE);
    List<Tensor> b = bi.backwardLayer().applyEager(List.of(X), CallContext.INFERENCE);
    assertArrayEquals(f.get(1).toFloatArray(), out.get(1).toFloatArray());
    assertArrayEquals(f.get(2).toFloatArray(), out.get(2).toFloatArray());
    assertArrayEquals(b.get(1).toFloatArray(), out.get(3).toFloatArray());
    assertArrayEquals(b.get(2).toFloatArray(), out.get(4).toFloatArray());
    // Initial states: the forward layer's, then the backward layer's.
    List<Tensor> init = new ArrayList<>(List.of(X));
    for (int i = 0; i < 4; i++) {
      init.add(Tensor.randomUniform(Shape.of(2, 2), -1f, 1f, 60 + i));
    }
    List<Tensor> started = bi.applyEager(init, CallContext.INFERENCE);
    assertArrayEquals(bi.forwardLayer().applyEager(init.subList(0, 3), CallContext.INFERENCE)
        .get(1).toFloatArray(), started.get(1).toFloatArray());
    assertArrayEquals(bi.backwardLayer().applyEager(List.of(X, init.get(3), init.get(4)),
        CallContext.INFERENCE).get(2).toFloatArray(), started.get(4).toFloatArray());
  }

  @Test
  void masksZeroTheMaskedStepsOfBothDirections() {
    Bidirectional bi = new Bidirectional(new LSTM(2).returnSequences(true), null);
    assertEquals(true, bi.forwardLayer().zeroOutputForMask());
    Tensor mask = Tensor.ofBools(new boolean[] {true, true, false, false, true, true, true,
        true}, 2, 4);
    List<Tensor> out = bi.applyEager(List.of(X), Arrays.asList(mask), CallContext.INFERENCE);
    for (Tensor y : out) {
      float[] v = y.toFloatArray();
      for (int t = 2; t < 4; t++) {
        for (int j = 0; j < 2; j++) {
          assertEquals(0f, v[t * 2 + j], "masked step " + t);
        }
      }
    }
    List<Tensor> masks = bi.computeMask(List.of(X), Arrays.asList(mask));
    assertEquals(List.of(mask, mask), masks);
    Bidirectional last = new Bidirectional(new GRU(2));
    assertNull(last.computeMask(List.of(X), Arrays.asList(mask)).get(0));
  }

  @Test
  void configRoundTripsWithTheNestedLayers() {
    GRU backward = new GRU(2).activation("relu").goBackwards(true).name("back");
    Bidirectional bi = new Bidirectional(new GRU(2).name("gru"), "mul", backward);
    Map<String, Object> c = bi.getConfig();
    assertEquals("mul", c.get("merge_mode"));
    Bidirectional copy = (Bidirectional) LayerRegistry.fromConfig("Bidirectional", c);
    assertEquals(c, copy.getConfig());
    assertEquals("back", copy.backwardLayer().name());
    assertEquals("forward_gru", ((Map<?, ?>) ((Map<?, ?>) c.get("layer")).get("config"))
        .get("name"));
    Bidirectional none = new Bidirectional(new SimpleRNN(2), null);
    assertNull(LayerRegistry.fromConfig("Bidirectional", none.getConfig()).getConfig()
        .get("merge_mode"));
  }

  @Test
  void kerasErrors() {
    var e = assertThrows(JKerasException.class, () -> new Bidirectional(new LSTM(2), "max"));
    assertEquals("Invalid merge mode. Received: max. Merge mode should be one of {\"sum\","
        + " \"mul\", \"ave\", \"concat\", None}", e.getMessage());
    var g = assertThrows(JKerasException.class,
        () -> new Bidirectional(new LSTM(2), "concat", new LSTM(2)));
    assertEquals("Forward layer and backward layer should have different `go_backwards` value."
        + " Received: forward_layer.go_backwards False, backward_layer.go_backwards=False",
        g.getMessage());
    var a = assertThrows(JKerasException.class, () -> new Bidirectional(new LSTM(2), "concat",
        new LSTM(2).goBackwards(true).returnSequences(true)));
    assertEquals("Forward layer and backward layer are expected to have the same value for"
        + " attribute \"return_sequences\", got \"False\" for forward layer and \"True\" for"
        + " backward layer", a.getMessage());
    var s = assertThrows(JKerasException.class, () -> new Bidirectional(new LSTM(2)).resetStates());
    assertEquals("Layer must be stateful.", s.getMessage());
  }

  @Test
  void harnessForEveryMergeMode() {
    for (String mode : new String[] {"concat", "sum", "mul", "ave"}) {
      int width = mode.equals("concat") ? 4 : 2;
      LayerTestHarness.of(() -> new Bidirectional(new LSTM(2).returnSequences(true), mode))
          .inputShapes(Shape.of(2, 3, 3)).outputShapes(Shape.of(2, 3, width))
          .weights(6, 0, "kernel", "recurrent_kernel", "bias", "kernel", "recurrent_kernel",
              "bias").nestedWeights().rejects(Shape.of(3), "expected ndim=3").run();
    }
    LayerTestHarness.of(() -> new Bidirectional(new GRU(2).returnState(true), null))
        .inputShapes(Shape.of(2, 3, 3))
        .outputShapes(Shape.of(2, 2), Shape.of(2, 2), Shape.of(2, 2), Shape.of(2, 2))
        .weights(6, 0, "kernel", "recurrent_kernel", "bias", "kernel", "recurrent_kernel",
            "bias").nestedWeights().run();
    LayerTestHarness.of(() -> new Bidirectional(new SimpleRNN(2).stateful(true)))
        .inputShapes(Shape.of(2, 3, 3)).fixedBatch().outputShapes(Shape.of(2, 4))
        .weights(6, 0, "kernel", "recurrent_kernel", "bias", "kernel", "recurrent_kernel",
            "bias").nestedWeights().noGradientCheck().noTrainingStep().noSaveLoad().run();
  }
}
