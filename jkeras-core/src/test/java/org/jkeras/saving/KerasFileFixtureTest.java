package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Tensor;
import org.jkeras.models.Model;
import org.jkeras.testing.KerasFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fixture's {@code model.keras}, written by Python Keras 3.1.1, loads and predicts as Keras. */
class KerasFileFixtureTest {
  static final String[] CASES = {"01_shared_lstm", "02_multi_io", "04_residual", "06a_gru",
      "07a_batchnorm", "08_conv2d_nodes"};

  @ParameterizedTest
  @ValueSource(strings = {"01_shared_lstm", "02_multi_io", "04_residual", "06a_gru",
      "07a_batchnorm", "08_conv2d_nodes"})
  void loadsAndPredictsLikeKeras(String caseName) {
    Model model = Keras.loadModel(KerasFixtures.root().resolve(caseName).resolve("model.keras"));
    assertPredictsFixture(model, caseName);
  }

  @ParameterizedTest
  @ValueSource(strings = {"01_shared_lstm", "02_multi_io", "04_residual", "06a_gru",
      "07a_batchnorm", "08_conv2d_nodes"})
  void loadedWeightsAreKerasInitialWeights(String caseName) {
    Model model = Keras.loadModel(KerasFixtures.root().resolve(caseName).resolve("model.keras"));
    List<Tensor> expected = KerasFixtures.initialWeights(caseName);
    List<Tensor> actual = model.getWeights();
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).shape(), actual.get(i).shape(), "weight " + i);
      assertTrue(java.util.Arrays.equals(expected.get(i).toFloatArray(),
          actual.get(i).toFloatArray()), caseName + " weight " + i);
    }
  }

  /** The model's predictions on inputs.json match predict.json to 1e-5 (relative). */
  static void assertPredictsFixture(Model model, String caseName) {
    List<Tensor> out = model.predict(KerasFixtures.inputs(caseName));
    List<Tensor> expected = KerasFixtures.predictions(caseName);
    assertEquals(expected.size(), out.size(), caseName + " outputs");
    for (int k = 0; k < expected.size(); k++) {
      assertEquals(expected.get(k).shape(), out.get(k).shape(), caseName + " output " + k);
      float[] e = expected.get(k).toFloatArray();
      float[] a = out.get(k).toFloatArray();
      for (int i = 0; i < e.length; i++) {
        double tol = 1e-5 * Math.max(1.0, Math.abs(e[i]));
        assertEquals(e[i], a[i], tol, caseName + " output " + k + " element " + i);
      }
    }
  }
}
