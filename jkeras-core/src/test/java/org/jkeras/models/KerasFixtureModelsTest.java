package org.jkeras.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.testing.KerasFixtures;
import org.junit.jupiter.api.Test;

/**
 * The fixture models rebuilt with the Java API: with Keras's initial weights they must predict
 * Keras's numbers (1e-5 relative), and their summaries must list the same rows.
 */
class KerasFixtureModelsTest {
  static void assertPredictsLikeKeras(String caseName, Model model) {
    model.setWeights(KerasFixtures.initialWeights(caseName));
    List<Tensor> got = model.applyEager(KerasFixtures.inputs(caseName), CallContext.INFERENCE);
    List<Tensor> expected = KerasFixtures.predictions(caseName);
    assertEquals(expected.size(), got.size(), "output count");
    for (int o = 0; o < expected.size(); o++) {
      assertEquals(expected.get(o).shape(), got.get(o).shape(), "output " + o + " shape");
      for (int i = 0; i < expected.get(o).size(); i++) {
        double e = expected.get(o).getFlat(i);
        double g = got.get(o).getFlat(i);
        if (Math.abs(e - g) > 1e-5 * Math.max(1.0, Math.abs(e))) {
          fail(caseName + " output " + o + " element " + i + ": Keras " + e + ", jkeras " + g);
        }
      }
    }
  }

  static void assertSummaryLikeKeras(String caseName, Model model) {
    String keras = KerasFixtures.text(caseName, "summary_wide.txt");
    String ours = model.summaryString(160);
    List<List<String>> rows = KerasFixtures.summaryRows(keras);
    assertEquals(model.layers().size(), rows.size(), "one Keras row per layer");
    assertEquals(rows, KerasFixtures.summaryRows(ours), ours);
    assertEquals(KerasFixtures.summaryTotals(keras), KerasFixtures.summaryTotals(ours));
    assertEquals(keras.lines().findFirst(), ours.lines().findFirst());
  }

  @Test
  void residualConnection() {
    Model model = FixtureModels.residual();
    assertSummaryLikeKeras("04_residual", model);
    assertPredictsLikeKeras("04_residual", model);
  }

  @Test
  void gruWithKeras3Defaults() {
    Model model = FixtureModels.gru();
    assertSummaryLikeKeras("06a_gru", model);
    assertPredictsLikeKeras("06a_gru", model);
  }

  @Test
  void oneConvOnTwoImageSizes() {
    KerasTensor a = Keras.input(Shape.of(32, 32, 3), "img_32");
    KerasTensor b = Keras.input(Shape.of(64, 64, 3), "img_64");
    Conv2D conv = new Conv2D(16, 3, 3).padding("same").name("shared_conv");
    Model model = new Model(List.of(a, b), List.of(conv.apply(a), conv.apply(b)))
        .name("conv2d_nodes");
    assertSummaryLikeKeras("08_conv2d_nodes", model);
    assertPredictsLikeKeras("08_conv2d_nodes", model);
  }
}
