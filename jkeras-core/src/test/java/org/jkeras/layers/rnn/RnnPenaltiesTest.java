package org.jkeras.layers.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.LayerRegistry;
import org.junit.jupiter.api.Test;

class RnnPenaltiesTest {
  @Test
  void regularizersJoinTheLossesAndRoundTrip() {
    LSTM lstm = new LSTM(2);
    lstm.regularizers("l2", null, "l1", null).constraints("non_neg", null, null);
    List<Tensor> out = lstm.applyEager(List.of(Tensor.ones(1, 3, 2)), CallContext.TRAINING);
    assertEquals(1, out.size());
    double expected = 0;
    for (float v : lstm.kernel().toFloatArray()) {
      expected += 0.01 * v * v;
    }
    double bias = 0;
    for (float v : lstm.bias().toFloatArray()) {
      bias += 0.01 * Math.abs(v);
    }
    List<Tensor> losses = lstm.losses();
    assertEquals(2, losses.size());
    assertEquals(expected, losses.get(0).item(), 1e-6);
    assertEquals(bias, losses.get(1).item(), 1e-6);
    assertNotNull(lstm.kernel().constraint());
    Map<String, Object> config = lstm.getConfig();
    assertEquals(config, LayerRegistry.fromConfig("LSTM", config).getConfig());
    assertEquals(null, config.get("recurrent_regularizer"));
  }

  @Test
  void activityRegularizerPenalizesEveryOutput() {
    GRU gru = new GRU(2);
    gru.returnState(true);
    gru.regularizers(null, null, null, "l2");
    List<Tensor> out = gru.applyEager(List.of(Tensor.randomUniform(Shape.of(2, 3, 2), -1f, 1f,
        3)), CallContext.TRAINING);
    assertEquals(2, out.size());
    assertEquals(2, gru.losses().size());
  }
}
