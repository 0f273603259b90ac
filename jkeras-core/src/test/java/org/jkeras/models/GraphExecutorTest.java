package org.jkeras.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.ops.ConcatOps;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.ReductionOps;
import org.junit.jupiter.api.Test;

/** A shared LSTM's two calls run as one batched call with the same results and gradients. */
class GraphExecutorTest {
  @Test
  void sharedRecurrentCallsAreBatchedWithoutChangingResults() {
    KerasTensor a = Keras.input(4, 3);
    KerasTensor b = Keras.input(4, 3);
    int[] calls = {0};
    int[] stacked = {0};
    LSTM lstm = new LSTM(5) {
      @Override
      protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
        calls[0]++;
        return super.call(inputs, context);
      }

      @Override
      protected List<List<Tensor>> callStacked(List<Tensor> inputs, CallContext context) {
        stacked[0]++;
        return super.callStacked(inputs, context);
      }
    };
    Model model = new Model(List.of(a, b), List.of(lstm.apply(a), lstm.apply(b)));
    assertEquals(true, lstm.batchableAcrossCalls());
    Tensor xa = Tensor.randomNormal(Shape.of(2, 4, 3), 0f, 1f, 1);
    Tensor xb = Tensor.randomNormal(Shape.of(2, 4, 3), 0f, 1f, 2);
    List<Tensor> out = model.applyEager(List.of(xa, xb), CallContext.INFERENCE);
    assertEquals(1, stacked[0], "both branches in one call");
    assertEquals(0, calls[0], "no separate call per branch");
    assertEquals(true, lstm.name().startsWith("lstm"), lstm.name());
    assertArrayEquals(lstm.apply(xa).toFloatArray(), out.get(0).toFloatArray(), 1e-6f);
    assertArrayEquals(lstm.apply(xb).toFloatArray(), out.get(1).toFloatArray(), 1e-6f);
    Tensor batched;
    Tensor separate;
    try (GradientTape tape = new GradientTape()) {
      List<Tensor> o = model.applyEager(List.of(xa, xb), CallContext.TRAINING);
      batched = tape.gradient(ReductionOps.sum(ConcatOps.concatenate(o, 1)), lstm.kernel());
    }
    try (GradientTape tape = new GradientTape()) {
      Tensor loss = ReductionOps.sum(ConcatOps.concatenate(
          List.of(lstm.apply(xa, true), lstm.apply(xb, true)), 1));
      separate = tape.gradient(loss, lstm.kernel());
    }
    assertArrayEquals(separate.toFloatArray(), batched.toFloatArray(), 1e-5f);
    assertEquals(false, new LSTM(2).stateful(true).batchableAcrossCalls());
  }

  @Test
  void batchedCallsAddEachCallsActivityLoss() {
    KerasTensor a = Keras.input(4, 3);
    KerasTensor b = Keras.input(4, 3);
    // Not additive over rows: the joined batch's mean is not the sum of the calls' means.
    org.jkeras.regularizers.Regularizer meanSquare =
        x -> ReductionOps.mean(org.jkeras.ops.MathOps.square(x));
    LSTM lstm = new LSTM(5);
    lstm.regularizers(null, null, null, meanSquare);
    Model model = new Model(List.of(a, b), List.of(lstm.apply(a), lstm.apply(b)));
    Tensor xa = Tensor.randomNormal(Shape.of(2, 4, 3), 0f, 1f, 3);
    Tensor xb = Tensor.randomNormal(Shape.of(2, 4, 3), 0f, 1f, 4);
    List<Tensor> out = model.applyEager(List.of(xa, xb), CallContext.INFERENCE);
    List<Tensor> losses = model.losses();
    assertEquals(2, losses.size(), "one activity loss per call");
    assertEquals(meanSquare.apply(out.get(0)).item(), losses.get(0).item(), 1e-6f);
    assertEquals(meanSquare.apply(out.get(1)).item(), losses.get(1).item(), 1e-6f);
  }
}
