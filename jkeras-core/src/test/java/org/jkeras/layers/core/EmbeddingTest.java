package org.jkeras.layers.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.ReductionOps;
import org.junit.jupiter.api.Test;

class EmbeddingTest {
  @Test
  void looksUpRowsAndTrainsOnlyThem() {
    KerasTensor ids = Keras.input(Shape.of(3), "ids", DType.INT32, null);
    Embedding emb = new Embedding(5, 2);
    assertEquals(Shape.withBatch(3, 2), emb.apply(ids).shape());
    Tensor input = Tensor.ofInts(new int[] {4, 0, 4}, 1, 3);
    Tensor out = emb.apply(input);
    float[] table = emb.embeddings().toFloatArray();
    assertArrayEquals(new float[] {table[8], table[9], table[0], table[1], table[8], table[9]},
        out.toFloatArray());
    for (float v : table) {
      assertEquals(true, Math.abs(v) <= 0.05f, "Keras's uniform(-0.05, 0.05)");
    }
    try (GradientTape tape = new GradientTape()) {
      Tensor loss = ReductionOps.sum(emb.apply(input));
      Tensor g = tape.gradient(loss, List.of(emb.embeddings())).get(0);
      assertArrayEquals(new float[] {1, 1, 0, 0, 0, 0, 0, 0, 2, 2}, g.toFloatArray());
    }
    // Float ids (the default input dtype) are cast, as Keras does.
    assertArrayEquals(out.toFloatArray(), emb.apply(Tensor.of(new float[] {4, 0, 4}, 1, 3))
        .toFloatArray());
  }
}
