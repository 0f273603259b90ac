package org.jkeras.layers.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.models.Model;
import org.jkeras.ops.ConcatOps;
import org.jkeras.testing.LayerTestHarness;
import org.jkeras.testing.TensorAssert;
import org.junit.jupiter.api.Test;

/** {@code stateful=True}: final states carry to the next call until resetStates(). */
class RnnStatefulTest {
  private static final Tensor X1 = Tensor.randomUniform(Shape.of(2, 3, 2), -1f, 1f, 41);
  private static final Tensor X2 = Tensor.randomUniform(Shape.of(2, 4, 2), -1f, 1f, 42);

  @Test
  void twoCallsEqualOneCallOverBothSequences() {
    LSTM lstm = new LSTM(3).stateful(true).returnSequences(true);
    Tensor first = lstm.apply(X1);
    Tensor second = lstm.apply(X2);
    var ref = LstmReference.run(ConcatOps.concatenate(List.of(X1, X2), 1), null, null, lstm,
        null, false, false);
    Tensor both = ConcatOps.concatenate(List.of(first, second), 1);
    TensorAssert.assertClose(ref.sequence(), both, 1e-5);
    TensorAssert.assertClose(ref.h(), lstm.states().get(0), 1e-5);
    TensorAssert.assertClose(ref.c(), lstm.states().get(1), 1e-5);
    // After a reset the next call starts from zeros again.
    lstm.resetStates();
    assertArrayEquals(new float[6], lstm.states().get(0).toFloatArray());
    TensorAssert.assertClose(LstmReference.run(X2, null, null, lstm, null, false, false)
        .sequence(), lstm.apply(X2), 1e-5);
  }

  @Test
  void statesCarryThroughAModelWithAFixedBatch() {
    KerasTensor in = Keras.input(Shape.of(3, 2), "x", DType.FLOAT32, 2);
    GRU gru = new GRU(2).stateful(true);
    Model model = new Model(in, gru.apply(in));
    Tensor a = model.apply(X1);
    Tensor b = model.apply(X1);
    assertEquals(false, java.util.Arrays.equals(a.toFloatArray(), b.toFloatArray()),
        "the second call starts from the first call's states");
    GRU plain = new GRU(2);
    plain.buildFor(List.of(X1.shape()));
    plain.setWeights(gru.getWeights());
    Tensor h = plain.apply(X1);
    assertArrayEquals(h.toFloatArray(), a.toFloatArray(), 1e-6f);
    assertArrayEquals(plain.applyEager(List.of(X1, h), CallContext.INFERENCE).get(0)
        .toFloatArray(), b.toFloatArray(), 1e-6f);
    gru.resetStates();
    assertArrayEquals(a.toFloatArray(), model.apply(X1).toFloatArray(), 1e-6f);
  }

  @Test
  void statefulNeedsAFixedBatchSize() {
    var e = assertThrows(JKerasException.class,
        () -> new LSTM(2).stateful(true).apply(Keras.input(3, 2)));
    assertEquals("When using `stateful=True` in a RNN, the batch size must be static. Found"
        + " dynamic batch size: sequence.shape=(None, 3, 2)", e.getMessage());
    SimpleRNN rnn = new SimpleRNN(2).stateful(true).name("s");
    rnn.apply(X1);
    var b = assertThrows(JKerasException.class,
        () -> rnn.apply(Tensor.zeros(3, 3, 2)));
    assertEquals("Layer 's' is stateful with batch size 2 but was called on inputs with batch"
        + " size 3; stateful layers need the same batch size on every call.", b.getMessage());
  }

  @Test
  void harnessForStatefulLayers() {
    // Each call moves the states, so finite differences and the training step do not apply.
    LayerTestHarness.of(() -> new LSTM(2).stateful(true).returnState(true))
        .inputShapes(Shape.of(2, 3, 2)).fixedBatch()
        .outputShapes(Shape.of(2, 2), Shape.of(2, 2), Shape.of(2, 2))
        .weights(3, 0, "kernel", "recurrent_kernel", "bias").noGradientCheck().noTrainingStep()
        .noSaveLoad().run();
    LayerTestHarness.of(() -> new GRU(2).stateful(true).returnSequences(true))
        .inputShapes(Shape.of(2, 3, 2)).fixedBatch().outputShapes(Shape.of(2, 3, 2))
        .weights(3, 0, "kernel", "recurrent_kernel", "bias").noGradientCheck().noTrainingStep()
        .noSaveLoad().run();
    assertEquals(true, new SimpleRNN(2).stateful(true).getConfig().get("stateful"));
  }
}
