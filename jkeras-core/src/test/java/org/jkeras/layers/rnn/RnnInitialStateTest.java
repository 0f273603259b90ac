package org.jkeras.layers.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.models.Model;
import org.jkeras.testing.LayerTestHarness;
import org.jkeras.testing.TensorAssert;
import org.junit.jupiter.api.Test;

/** Keras's {@code initial_state=[...]}: the states follow the sequence as extra inputs. */
class RnnInitialStateTest {
  private static final Tensor X = Tensor.randomUniform(Shape.of(2, 4, 3), -1f, 1f, 11);
  private static final Tensor H0 = Tensor.randomUniform(Shape.of(2, 2), -1f, 1f, 12);
  private static final Tensor C0 = Tensor.randomUniform(Shape.of(2, 2), -1f, 1f, 13);

  @Test
  void eagerLstmStartsFromTheGivenStates() {
    LSTM lstm = new LSTM(2).returnSequences(true).returnState(true);
    List<Tensor> out = lstm.applyEager(List.of(X, H0, C0), CallContext.INFERENCE);
    var ref = LstmReference.run(X, H0, C0, lstm, null, false, false);
    TensorAssert.assertClose(ref.sequence(), out.get(0), 1e-5);
    TensorAssert.assertClose(ref.h(), out.get(1), 1e-5);
    TensorAssert.assertClose(ref.c(), out.get(2), 1e-5);
    // Zeros given equal none given.
    assertArrayEquals(lstm.applyEager(List.of(X), CallContext.INFERENCE).get(0).toFloatArray(),
        lstm.applyEager(List.of(X, Tensor.zeros(2, 2), Tensor.zeros(2, 2)),
            CallContext.INFERENCE).get(0).toFloatArray());
  }

  @Test
  void symbolicStatesFromOtherInputsInAModel() {
    KerasTensor x = Keras.input(4, 3);
    KerasTensor h = Keras.input(2);
    KerasTensor c = Keras.input(2);
    LSTM lstm = new LSTM(2);
    KerasTensor y = lstm.applyOutputs(List.of(x, h, c)).get(0);
    assertEquals(Shape.withBatch(2), y.shape());
    Model model = new Model(List.of(x, h, c), y);
    Tensor got = model.applyEager(List.of(X, H0, C0), CallContext.INFERENCE).get(0);
    TensorAssert.assertClose(LstmReference.run(X, H0, C0, lstm, null, false, false).h(), got,
        1e-5);
    // An encoder's final states start a decoder, as in Keras's sequence-to-sequence example.
    KerasTensor enc = Keras.input(4, 3);
    List<KerasTensor> encoded = new LSTM(2).returnState(true).applyOutputs(List.of(enc));
    KerasTensor dec = Keras.input(3, 3);
    KerasTensor decoded = new GRU(2).returnSequences(true)
        .applyOutputs(List.of(dec, encoded.get(1))).get(0);
    assertEquals(Shape.withBatch(3, 2), decoded.shape());
  }

  @Test
  void gruAndSimpleRnnTakeOneState() {
    GRU gru = new GRU(2).returnSequences(true);
    SimpleRNN rnn = new SimpleRNN(2);
    for (BaseRnn layer : List.<BaseRnn>of(gru, rnn)) {
      Tensor withState = layer.applyEager(List.of(X, H0), CallContext.INFERENCE).get(0);
      Tensor without = layer.applyEager(List.of(X), CallContext.INFERENCE).get(0);
      assertEquals(without.shape(), withState.shape());
      assertEquals(false, java.util.Arrays.equals(without.toFloatArray(),
          withState.toFloatArray()), "the state changes the outputs");
    }
  }

  @Test
  void wrongStateCountsAndShapesAreRefused() {
    LSTM lstm = new LSTM(2).name("enc");
    var e = assertThrows(JKerasException.class,
        () -> lstm.applyEager(List.of(X, H0), CallContext.INFERENCE));
    assertEquals("Layer 'enc' expects the sequence alone or the sequence and its 2 initial"
        + " states ([h, c]), but was called with 2 inputs.", e.getMessage());
    var s = assertThrows(JKerasException.class,
        () -> new GRU(2).name("dec").applyOutputs(List.of(Keras.input(4, 3), Keras.input(3))));
    assertEquals("Layer 'dec': initial state 0 must have shape (batch, 2), got (None, 3).",
        s.getMessage());
  }

  @Test
  void harnessWithInitialStates() {
    LayerTestHarness.of(() -> new LSTM(2).returnSequences(true))
        .inputShapes(Shape.of(2, 4, 3), Shape.of(2, 2), Shape.of(2, 2))
        .outputShapes(Shape.of(2, 4, 2)).weights(3, 0, "kernel", "recurrent_kernel", "bias")
        .inputs(X, H0, C0)
        .reference(l -> List.of(Tensor.wrap(toFloats(LstmReference.run(X, H0, C0, (LSTM) l,
            null, false, false).sequence()), Shape.of(2, 4, 2))))
        .run();
    LayerTestHarness.of(() -> new GRU(2).returnState(true))
        .inputShapes(Shape.of(2, 4, 3), Shape.of(2, 2))
        .outputShapes(Shape.of(2, 2), Shape.of(2, 2))
        .weights(3, 0, "kernel", "recurrent_kernel", "bias").run();
    LayerTestHarness.of(() -> new SimpleRNN(2).goBackwards(true))
        .inputShapes(Shape.of(2, 4, 3), Shape.of(2, 2)).outputShapes(Shape.of(2, 2))
        .weights(3, 0, "kernel", "recurrent_kernel", "bias").run();
  }

  static float[] toFloats(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }
}
