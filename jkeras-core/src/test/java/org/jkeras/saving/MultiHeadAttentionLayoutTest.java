package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.initializers.RandomNormal;
import org.jkeras.layers.attention.MultiHeadAttention;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MultiHeadAttention's projections sit where Keras 3.1+ saves them ({@code query_dense}, ...,
 * reached through its public properties), and files with Keras 3.0's private names still load.
 */
class MultiHeadAttentionLayoutTest {
  @TempDir Path dir;

  private static Model model(long seed) {
    KerasTensor q = Keras.input(Shape.of(4, 6), "q");
    KerasTensor v = Keras.input(Shape.of(3, 5), "v");
    MultiHeadAttention mha = new MultiHeadAttention(2, 3)
        .kernelInitializer(new RandomNormal(0, 1, seed))
        .biasInitializer(new RandomNormal(0, 1, seed));
    return new Model(List.of(q, v), mha.apply(List.of(q, v)));
  }

  @Test
  void projectionsAreSavedUnderThePublicPropertyNames() throws Exception {
    Path file = dir.resolve("m.weights.h5");
    model(1).saveWeights(file);
    try (HdfFile h5 = new HdfFile(file)) {
      Group mha = (Group) h5.getByPath("layers/multi_head_attention");
      assertEquals(List.of(), ((Group) mha.getChild("vars")).getChildren().keySet().stream()
          .toList());
      String[][] expected = {
          {"query_dense", "[6, 2, 3]", "[2, 3]"}, {"key_dense", "[5, 2, 3]", "[2, 3]"},
          {"value_dense", "[5, 2, 3]", "[2, 3]"}, {"output_dense", "[2, 3, 6]", "[6]"}};
      for (String[] e : expected) {
        Group vars = (Group) h5.getByPath("layers/multi_head_attention/" + e[0] + "/vars");
        assertEquals(2, vars.getChildren().size(), e[0]);
        assertEquals(e[1], java.util.Arrays.toString(((Dataset) vars.getChild("0"))
            .getDimensions()), e[0] + " kernel");
        assertEquals(e[2], java.util.Arrays.toString(((Dataset) vars.getChild("1"))
            .getDimensions()), e[0] + " bias");
        assertFalse(mha.getChildren().containsKey("_" + e[0]), e[0]);
      }
    }
  }

  @Test
  void keras30FilesWithPrivateNamesLoad() {
    Model source = model(1);
    List<WeightsLayout.Entry> older = new ArrayList<>();
    for (WeightsLayout.Entry e : WeightsLayout.of(source)) {
      String path = e.olderPath() == null ? e.path() : e.olderPath();
      older.add(new WeightsLayout.Entry(path, e.vars(), e.owner()));
    }
    Path file = dir.resolve("keras30.weights.h5");
    H5Weights.write(older, file);
    Model target = model(2);
    List<Tensor> in = List.of(SavingRoundTripTest.random(3, 2, 4, 6),
        SavingRoundTripTest.random(4, 2, 3, 5));
    assertFalse(java.util.Arrays.equals(source.predict(in).get(0).toFloatArray(),
        target.predict(in).get(0).toFloatArray()));
    target.loadWeights(file);
    assertArrayEquals(source.predict(in).get(0).toFloatArray(),
        target.predict(in).get(0).toFloatArray());
  }
}
