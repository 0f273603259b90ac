package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.models.Model;
import org.jkeras.testing.KerasFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Legacy .h5 models: Keras 3.1.1's (the fixtures) and a Keras 2 layout written here. */
class LegacyH5Test {
  /** Keras 2's model_config: list-form inbound_nodes, batch_input_shape; Dense(2) on 3 inputs. */
  static final String DENSE_MODEL = "{\"class_name\": \"Model\", \"config\": {\"name\":"
      + " \"model\", \"layers\": ["
      + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 3],"
      + " \"dtype\": \"float32\", \"sparse\": false, \"name\": \"in\"}, \"name\": \"in\","
      + " \"inbound_nodes\": []},"
      + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"trainable\": true,"
      + " \"dtype\": \"float32\", \"units\": 2, \"activation\": \"linear\", \"use_bias\": true},"
      + " \"name\": \"dense\", \"inbound_nodes\": [[[\"in\", 0, 0, {}]]]}],"
      + " \"input_layers\": [[\"in\", 0, 0]], \"output_layers\": [[\"dense\", 0, 0]]},"
      + " \"keras_version\": \"2.13.1\", \"backend\": \"tensorflow\"}";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"01_shared_lstm", "02_multi_io", "04_residual", "06a_gru",
      "07a_batchnorm", "08_conv2d_nodes"})
  void fixtureLegacyFilesPredictLikeKeras(String caseName) {
    Model model = Keras.loadModel(KerasFixtures.root().resolve(caseName)
        .resolve("model_legacy.h5"));
    KerasFileFixtureTest.assertPredictsFixture(model, caseName);
  }

  /** Keras 2: list-form inbound_nodes, batch_input_shape, weights in layer/layer/name:0 groups. */
  @Test
  void keras2Layout() {
    String config = DENSE_MODEL;
    float[][] kernel = {{1, 2}, {3, 4}, {5, 6}};
    float[] bias = {0.5f, -0.5f};
    Path file = dir.resolve("k2.h5");
    try (WritableHdfFile h5 = HdfFile.write(file)) {
      h5.putAttribute("model_config", config);
      h5.putAttribute("keras_version", "2.13.1");
      WritableGroup weights = h5.putGroup("model_weights");
      weights.putAttribute("layer_names", new String[] {"in", "dense"});
      WritableGroup dense = weights.putGroup("dense");
      dense.putAttribute("weight_names", new String[] {"dense/kernel:0", "dense/bias:0"});
      WritableGroup inner = dense.putGroup("dense");
      inner.putDataset("kernel:0", kernel);
      inner.putDataset("bias:0", bias);
    }
    Model model = Keras.loadModel(file);
    Tensor out = model.predict(Tensor.wrap(new float[] {1, 1, 1}, org.jkeras.backend.Shape.of(1,
        3))).get(0);
    assertArrayEquals(new float[] {9.5f, 11.5f}, out.toFloatArray());
    assertEquals(List.of("in", "dense"), model.layers().stream().map(l -> l.name()).toList());
  }

  @Test
  void weightsOnlyFileIsExplained() {
    Path file = dir.resolve("w.h5");
    try (WritableHdfFile h5 = HdfFile.write(file)) {
      h5.putDataset("x", new float[] {1});
    }
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.loadModel(file));
    assertEquals(file + " has no model_config attribute: it holds weights only. Build the model"
        + " in Java and call model.loadWeights, or save the full model.", e.getMessage());
  }
}
