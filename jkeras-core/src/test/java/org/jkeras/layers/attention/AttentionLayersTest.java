package org.jkeras.layers.attention;

import static org.jkeras.layers.attention.AttentionReference.attend;
import static org.jkeras.layers.attention.AttentionReference.rows;
import static org.jkeras.layers.attention.AttentionReference.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.initializers.Constant;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.testing.LayerTestHarness;
import org.jkeras.testing.TensorAssert;
import org.junit.jupiter.api.Test;

/** Attention and MultiHeadAttention against float64 loops over heads and steps. */
class AttentionLayersTest {
  private static Tensor random(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  /** The Attention layer's "dot" output for one configuration, batch by batch. */
  private static Tensor attentionReference(Tensor q, Tensor v, Tensor k, double scale,
      boolean[][][] mask, boolean[][] queryMask) {
    int batch = q.shape().dim(0);
    int t = q.shape().dim(1);
    int d = v.shape().dim(2);
    double[] out = new double[batch * t * d];
    for (int b = 0; b < batch; b++) {
      double[][] o = attend(rows(q, b), rows(k, b), rows(v, b), scale,
          mask == null ? null : mask[b], null);
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < d; j++) {
          boolean keep = queryMask == null || queryMask[b][i];
          out[(b * t + i) * d + j] = keep ? o[i][j] : 0;
        }
      }
    }
    return tensor(out, batch, t, d);
  }

  @Test
  void dotAttention() {
    Tensor q = random(100, 2, 3, 4);
    Tensor v = random(101, 2, 5, 4);
    LayerTestHarness.of(Attention::new)
        .inputShapes(Shape.of(2, 3, 4), Shape.of(2, 5, 4)).outputShapes(Shape.of(2, 3, 4))
        .weights(0, 0)
        .reference(l -> List.of(attentionReference(q, v, v, 1, null, null)))
        .rejects(Shape.of(3, 4), "Attention layer accepts inputs list of length 2 or 3, namely"
            + " [query, value] or [query, value, key]. Received length: 1.").run();
  }

  @Test
  void scaledAttentionWithAKey() {
    Tensor q = random(100, 2, 3, 4);
    Tensor v = random(101, 2, 5, 2);
    Tensor k = random(102, 2, 5, 4);
    LayerTestHarness.of(() -> new Attention().useScale(true))
        .inputShapes(Shape.of(2, 3, 4), Shape.of(2, 5, 2), Shape.of(2, 5, 4))
        .outputShapes(Shape.of(2, 3, 2)).weights(1, 0, "scale")
        .reference(l -> List.of(attentionReference(q, v, k, 1, null, null))).run();
  }

  @Test
  void concatScores() {
    Tensor q = random(100, 1, 2, 3);
    Tensor v = random(101, 1, 3, 3);
    LayerTestHarness.of(() -> new Attention().scoreMode("concat").useScale(true))
        .inputShapes(Shape.of(1, 2, 3), Shape.of(1, 3, 3)).outputShapes(Shape.of(1, 2, 3))
        .weights(2, 0, "scale", "concat_score_weight")
        .reference(l -> {
          double[] out = new double[6];
          double[][] scores = new double[2][3];
          for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
              for (int d = 0; d < 3; d++) {
                scores[i][j] += Math.tanh(q.getFloat(0, i, d) + v.getFloat(0, j, d));
              }
            }
          }
          double[][] w = AttentionReference.softmaxRows(scores);
          for (int i = 0; i < 2; i++) {
            for (int d = 0; d < 3; d++) {
              for (int j = 0; j < 3; j++) {
                out[i * 3 + d] += w[i][j] * v.getFloat(0, j, d);
              }
            }
          }
          return List.of(tensor(out, 1, 2, 3));
        }).run();
    var e = assertThrows(JKerasException.class, () -> new Attention().scoreMode("add"));
    assertEquals("Invalid value for argument score_mode. Expected one of {'dot', 'concat'}."
        + " Received: score_mode=add", e.getMessage());
  }

  @Test
  void masksAndTheCausalMask() {
    Tensor q = random(100, 2, 4, 3);
    Tensor v = random(101, 2, 4, 3);
    boolean[] qm = {true, true, true, false, true, false, true, true};
    boolean[] vm = {true, true, false, true, true, true, true, false};
    Tensor qMask = Tensor.ofBools(qm, 2, 4);
    Tensor vMask = Tensor.ofBools(vm, 2, 4);
    boolean[][][] mask = new boolean[2][4][4];
    boolean[][] queryMask = new boolean[2][4];
    for (int b = 0; b < 2; b++) {
      for (int i = 0; i < 4; i++) {
        queryMask[b][i] = qm[b * 4 + i];
        for (int j = 0; j < 4; j++) {
          mask[b][i][j] = vm[b * 4 + j] && j <= i;
        }
      }
    }
    Attention a = new Attention().useCausalMask(true).returnAttentionScores(true);
    List<Tensor> out = a.applyEager(List.of(q, v), List.of(qMask, vMask), CallContext.INFERENCE);
    TensorAssert.assertClose(toDoubles(attentionReference(q, v, v, 1, mask, queryMask)),
        out.get(0), 1e-5);
    assertEquals(Shape.of(2, 4, 4), out.get(1).shape());
    assertEquals(0.0, out.get(1).getFloat(0, 0, 1), 1e-7, "no attention to the future");
    assertEquals(0.0, out.get(1).getFloat(0, 3, 2), 1e-7, "no attention to a masked value");
    List<Tensor> masks = a.computeMask(List.of(q, v), List.of(qMask, vMask));
    assertEquals(qMask, masks.get(0));
    assertNull(masks.get(1));
  }

  @Test
  void attentionDropoutOnlyInTrainingAndSeeded() {
    Tensor q = random(100, 2, 3, 4);
    Tensor v = random(101, 2, 5, 4);
    Attention a = new Attention().dropout(0.5).seed(7);
    Attention b = new Attention().dropout(0.5).seed(7);
    Tensor inference = a.applyEager(List.of(q, v), CallContext.INFERENCE).get(0);
    TensorAssert.assertClose(toDoubles(attentionReference(q, v, v, 1, null, null)), inference,
        1e-5);
    Tensor ta = a.applyEager(List.of(q, v), CallContext.TRAINING).get(0);
    Tensor tb = b.applyEager(List.of(q, v), CallContext.TRAINING).get(0);
    assertArrayEquals(ta.toFloatArray(), tb.toFloatArray(), "same seed, same dropout");
    assertFalse(Arrays.equals(ta.toFloatArray(), inference.toFloatArray()));
  }

  private static double[] toDoubles(Tensor t) {
    double[] d = new double[t.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = t.getFlat(i);
    }
    return d;
  }

  @Test
  void multiHeadAttentionSelfAndCross() {
    Tensor q = random(100, 2, 3, 4);
    Tensor v = random(101, 2, 5, 6);
    LayerTestHarness.of(() -> new MultiHeadAttention(2, 3)
            .biasInitializer(new Constant(0.05)))
        .inputShapes(Shape.of(2, 3, 4), Shape.of(2, 5, 6)).outputShapes(Shape.of(2, 3, 4))
        .weights(8, 0, "kernel", "bias", "kernel", "bias", "kernel", "bias", "kernel", "bias")
        .reference(l -> List.of(AttentionReference.multiHead((MultiHeadAttention) l, q, v, v,
            null, null)))
        .run();
    Tensor k = random(102, 2, 5, 3);
    LayerTestHarness.of(() -> new MultiHeadAttention(3, 2).valueDim(4).outputShape(5)
            .useBias(false))
        .inputShapes(Shape.of(2, 3, 4), Shape.of(2, 5, 6), Shape.of(2, 5, 3))
        .outputShapes(Shape.of(2, 3, 5)).weights(4, 0, "kernel", "kernel", "kernel", "kernel")
        .reference(l -> List.of(AttentionReference.multiHead((MultiHeadAttention) l, q, v, k,
            null, null)))
        .run();
  }

  @Test
  void multiHeadAttentionWeightsAsKerasNamesThem() {
    MultiHeadAttention m = new MultiHeadAttention(2, 3).valueDim(5).name("mha");
    m.apply(List.of(Keras.input(4, 7), Keras.input(6, 8)));
    assertEquals(List.of("mha/query/kernel", "mha/query/bias", "mha/key/kernel", "mha/key/bias",
        "mha/value/kernel", "mha/value/bias", "mha/attention_output/kernel",
        "mha/attention_output/bias"), m.weights().stream().map(v -> v.name()).toList());
    assertEquals(List.of(Shape.of(7, 2, 3), Shape.of(2, 3), Shape.of(8, 2, 3), Shape.of(2, 3),
        Shape.of(8, 2, 5), Shape.of(2, 5), Shape.of(2, 5, 7), Shape.of(7)),
        m.weights().stream().map(Tensor::shape).toList());
    assertEquals(List.of(1), m.getConfig().get("attention_axes"));
    Layer copy = LayerRegistry.fromConfig("MultiHeadAttention", m.getConfig());
    assertEquals(m.getConfig(), copy.getConfig());
    assertEquals(null, new MultiHeadAttention(2, 3).getConfig().get("attention_axes"));
  }

  @Test
  void multiHeadAttentionWithCausalAndExplicitMasks() {
    Tensor q = random(100, 2, 4, 3);
    Tensor v = random(101, 2, 4, 3);
    float[] given = new float[2 * 4 * 4];
    boolean[][][] mask = new boolean[2][4][4];
    boolean[] vm = {true, true, true, true, true, false, true, true};
    for (int b = 0; b < 2; b++) {
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          boolean g = (b + i + j) % 5 != 1 || j == 0; // no row fully masked
          given[(b * 4 + i) * 4 + j] = g ? 1 : 0;
          mask[b][i][j] = g && j <= i && vm[b * 4 + j];
        }
      }
    }
    Tensor attentionMask = Tensor.of(given, 2, 4, 4);
    MultiHeadAttention m = new MultiHeadAttention(2, 2).useCausalMask(true)
        .attentionMaskInput(true).returnAttentionScores(true);
    KerasTensor[] symbolic = {Keras.input(4, 3), Keras.input(4, 3), Keras.input(4, 4)};
    List<KerasTensor> outs = m.applyOutputs(List.of(symbolic));
    assertEquals(Shape.of(Shape.UNKNOWN, 2, 4, 4), outs.get(1).shape());
    List<Tensor> got = m.applyEager(List.of(q, v, attentionMask),
        Arrays.asList(null, Tensor.ofBools(vm, 2, 4), null), CallContext.INFERENCE);
    double[][][][] scores = new double[2][2][][];
    Tensor expected = AttentionReference.multiHead(m, q, v, v, mask, scores);
    TensorAssert.assertClose(toDoubles(expected), got.get(0), 1e-5);
    double[] flat = Arrays.stream(scores).flatMap(Arrays::stream).flatMap(Arrays::stream)
        .flatMapToDouble(Arrays::stream).toArray();
    TensorAssert.assertClose(flat, Shape.of(2, 2, 4, 4), got.get(1), 1e-5);
  }

  @Test
  void multiHeadAttentionDropoutAndErrors() {
    Tensor q = random(100, 2, 3, 4);
    MultiHeadAttention a = new MultiHeadAttention(2, 2).dropout(0.4).seed(3);
    Tensor inference = a.applyEager(List.of(q, q), CallContext.INFERENCE).get(0);
    TensorAssert.assertClose(toDoubles(AttentionReference.multiHead(a, q, q, q, null, null)),
        inference, 1e-5);
    Tensor training = a.applyEager(List.of(q, q), CallContext.TRAINING).get(0);
    assertFalse(Arrays.equals(training.toFloatArray(), inference.toFloatArray()));
    var e = assertThrows(JKerasException.class, () -> new MultiHeadAttention(2, 2)
        .apply(List.of(Keras.input(3, 4), Keras.input(4, 3), Keras.input(5, 3))));
    assertEquals("All dimensions of `value` and `key`, except the last one, must be equal."
        + " Received: value_shape=(None, 4, 3) and key_shape=(None, 5, 3)", e.getMessage());
  }
}
