package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.models.Model;
import org.jkeras.testing.KerasFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .weights.h5} files: Keras's layout, loading into a fresh model, clear mismatch errors. */
class WeightsFileTest {
  @TempDir Path dir;

  static Model mlp(int hidden) {
    KerasTensor x = Keras.input(Shape.of(3), "x");
    KerasTensor h = new Dense(hidden).name("hidden").apply(x);
    return new Model(x, new Dense(2).name("out").apply(h));
  }

  @Test
  void saveAndLoadWeights() {
    Model a = mlp(4);
    Model b = mlp(4);
    Path file = dir.resolve("w.weights.h5");
    a.saveWeights(file);
    b.loadWeights(file);
    List<Tensor> wa = a.getWeights();
    List<Tensor> wb = b.getWeights();
    for (int i = 0; i < wa.size(); i++) {
      assertArrayEquals(wa.get(i).toFloatArray(), wb.get(i).toFloatArray());
    }
    try (io.jhdf.HdfFile h5 = new io.jhdf.HdfFile(file)) {
      assertArrayEquals(new int[] {3, 4},
          h5.getDatasetByPath("layers/dense/vars/0").getDimensions());
      assertArrayEquals(new int[] {2},
          h5.getDatasetByPath("layers/dense_1/vars/1").getDimensions());
    }
    assertEquals(List.of(), listTemporaryFiles());
  }

  @Test
  void weightsFromAKerasFile() {
    Model model = mlp(4);
    Model fixture = Keras.loadModel(KerasFixtures.root().resolve("04_residual/model.keras"));
    Model fresh = Model.fromConfig(fixture.getConfig());
    fresh.loadWeights(KerasFixtures.root().resolve("04_residual/model.keras"));
    KerasFileFixtureTest.assertPredictsFixture(fresh, "04_residual");
    assertEquals(2, model.layers().size() - 1);
  }

  @Test
  void shapeMismatchNamesLayerAndShapes() {
    Path file = dir.resolve("w.weights.h5");
    mlp(4).saveWeights(file);
    Model other = mlp(5);
    List<Tensor> before = other.getWeights();
    JKerasException e = assertThrows(JKerasException.class, () -> other.loadWeights(file));
    assertEquals("Layer 'hidden' weight 0 ('hidden/kernel') has shape (3, 5) in the model but"
        + " shape (3, 4) in " + file + ".", e.getMessage());
    assertArrayEquals(before.get(0).toFloatArray(), other.getWeights().get(0).toFloatArray());
  }

  @Test
  void wrongSuffixIsRefused() {
    JKerasException e = assertThrows(JKerasException.class,
        () -> mlp(2).saveWeights(dir.resolve("w.h5")));
    assertEquals("The filename must end in `.weights.h5`. Received: filepath="
        + dir.resolve("w.h5"), e.getMessage());
  }

  @Test
  void failedSaveKeepsThePreviousFile() throws Exception {
    Path file = dir.resolve("m.keras");
    Model good = mlp(3);
    good.save(file);
    byte[] before = Files.readAllBytes(file);
    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
        () -> AtomicWrite.write(file, (out, scratch) -> {
          out.write(new byte[100]);
          throw new java.io.IOException("No space left on device");
        }));
    assertEquals("Could not save " + file + ": No space left on device", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of(), listTemporaryFiles());
  }

  private List<Path> listTemporaryFiles() {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
