package org.jkeras.layers.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.layers.core.Embedding;
import org.jkeras.models.Model;
import org.jkeras.ops.IndexingOps;
import org.jkeras.testing.LayerTestHarness;
import org.jkeras.testing.TensorAssert;
import org.junit.jupiter.api.Test;

/** Masks into recurrent layers: Embedding's mask_zero, skipped steps, output masks. */
class RnnMaskingTest {
  private static final int[][] IDS = {{3, 1, 4, 0, 0}, {2, 5, 1, 6, 2}, {7, 0, 0, 0, 0}};

  private static Tensor ids() {
    int[] flat = Arrays.stream(IDS).flatMapToInt(Arrays::stream).toArray();
    return Tensor.wrapInts(flat, Shape.of(3, 5));
  }

  private static boolean[][] maskOf(int[][] ids) {
    boolean[][] m = new boolean[ids.length][ids[0].length];
    for (int b = 0; b < ids.length; b++) {
      for (int t = 0; t < ids[b].length; t++) {
        m[b][t] = ids[b][t] != 0;
      }
    }
    return m;
  }

  @Test
  void embeddingMaskZeroIntoLstmEqualsTheLstmOverTheUnmaskedPrefix() {
    KerasTensor in = Keras.input(Shape.of(5), "ids", DType.INT32, null);
    Embedding emb = new Embedding(8, 3).maskZero(true);
    LSTM lstm = new LSTM(4);
    Model model = new Model(in, lstm.apply(emb.apply(in)));
    Tensor y = model.apply(ids());
    assertEquals(Shape.of(3, 4), y.shape());
    Tensor embedded = emb.apply(ids());
    // Each row alone, over its unmasked prefix only, with no mask at all.
    int[] lengths = {3, 5, 1};
    for (int b = 0; b < 3; b++) {
      Tensor row = IndexingOps.slice(embedded, new int[] {b, 0, 0}, new int[] {1, lengths[b], 3});
      Tensor alone = lstm.apply(row);
      assertArrayEquals(alone.toFloatArray(),
          IndexingOps.slice(y, new int[] {b, 0}, new int[] {1, 4}).toFloatArray(), 1e-6f);
    }
    // And against the float64 reference with the mask.
    var ref = LstmReference.run(embedded, null, null, lstm, maskOf(IDS), false, false);
    TensorAssert.assertClose(ref.h(), y, 1e-5);
  }

  @Test
  void maskedStepsRepeatTheLastOutputOrZerosAndTheMaskPassesOn() {
    for (boolean zero : new boolean[] {false, true}) {
      for (boolean backwards : new boolean[] {false, true}) {
        LSTM lstm = new LSTM(2).returnSequences(true).returnState(true).zeroOutputForMask(zero)
            .goBackwards(backwards);
        Tensor x = Tensor.randomUniform(Shape.of(3, 5, 2), -1f, 1f, 5);
        Tensor mask = Tensor.ofBools(new boolean[] {true, true, true, false, false, true, true,
            true, true, true, true, false, false, true, false}, 3, 5);
        List<Tensor> out = lstm.applyEager(List.of(x), Arrays.asList(mask), CallContext.INFERENCE);
        boolean[][] m = {{true, true, true, false, false}, {true, true, true, true, true},
            {true, false, false, true, false}};
        var ref = LstmReference.run(x, null, null, lstm, m, backwards, zero);
        TensorAssert.assertClose(ref.sequence(), out.get(0), 1e-5);
        TensorAssert.assertClose(ref.h(), out.get(1), 1e-5);
        TensorAssert.assertClose(ref.c(), out.get(2), 1e-5);
        List<Tensor> masks = lstm.computeMask(List.of(x), Arrays.asList(mask));
        assertEquals(3, masks.size());
        assertEquals(mask, masks.get(0));
        assertNull(masks.get(1));
        assertNull(masks.get(2));
      }
    }
    LSTM last = new LSTM(2);
    Tensor mask = Tensor.ofBools(new boolean[] {true, false}, 1, 2);
    assertEquals(Arrays.asList((Tensor) null),
        last.computeMask(List.of(Tensor.zeros(1, 2, 2)), Arrays.asList(mask)));
  }

  @Test
  void embeddingMakesItsMaskOnlyWithMaskZero() {
    Tensor ids = ids();
    Tensor mask = new Embedding(8, 2).maskZero(true).computeMask(List.of(ids), null).get(0);
    boolean[][] expected = maskOf(IDS);
    for (int b = 0; b < 3; b++) {
      for (int t = 0; t < 5; t++) {
        assertEquals(expected[b][t], mask.getFlat(b * 5 + t) != 0, "mask at " + b + ", " + t);
      }
    }
    assertNull(new Embedding(8, 2).computeMask(List.of(ids), null).get(0));
    Embedding e = new Embedding(8, 2).maskZero(true);
    assertEquals(true, e.getConfig().get("mask_zero"));
    Embedding copy = (Embedding) LayerRegistry.fromConfig("Embedding", e.getConfig());
    assertEquals(true, copy.maskZero());
    assertEquals(e.getConfig(), copy.getConfig());
  }

  @Test
  void gruAndSimpleRnnFollowMasksInAModel() {
    // A fully masked tail leaves the final state at the last unmasked step: compare with the
    // same layer on the prefix.
    for (BaseRnn rnn : List.of(new GRU(3), new SimpleRNN(3), new GRU(3).resetAfter(false))) {
      KerasTensor in = Keras.input(Shape.of(5), "ids", DType.INT32, null);
      Embedding emb = new Embedding(8, 2).maskZero(true);
      Model model = new Model(in, rnn.apply(emb.apply(in)));
      Tensor y = model.apply(ids());
      Tensor embedded = emb.apply(ids());
      Tensor row = IndexingOps.slice(embedded, new int[] {0, 0, 0}, new int[] {1, 3, 2});
      assertArrayEquals(rnn.apply(row).toFloatArray(),
          IndexingOps.slice(y, new int[] {0, 0}, new int[] {1, 3}).toFloatArray(), 1e-6f);
    }
  }

  @Test
  void harnessWithZeroOutputForMask() {
    for (java.util.function.Supplier<org.jkeras.layers.Layer> f : List.<java.util.function
        .Supplier<org.jkeras.layers.Layer>>of(
            () -> new LSTM(2).zeroOutputForMask(true).returnSequences(true),
            () -> new GRU(2).zeroOutputForMask(true).returnSequences(true).goBackwards(true),
            () -> new SimpleRNN(2).zeroOutputForMask(true).returnSequences(true))) {
      LayerTestHarness.of(f).inputShapes(Shape.of(2, 3, 2)).outputShapes(Shape.of(2, 3, 2))
          .weights(3, 0, "kernel", "recurrent_kernel", "bias").run();
    }
    LayerTestHarness.of(() -> new Embedding(6, 3).maskZero(true)).intInput(Shape.of(2, 4), 6)
        .outputShapes(Shape.of(2, 4, 3)).weights(1, 0, "embeddings").run();
  }
}
