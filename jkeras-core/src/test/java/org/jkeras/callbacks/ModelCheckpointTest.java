package org.jkeras.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.layers.core.Dense;
import org.jkeras.models.Model;
import org.jkeras.trainers.FitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointTest {
  private static Model model() {
    RandomSeeds.set(5);
    KerasTensor x = Keras.input(3);
    Model m = new Model(x, new Dense(1).apply(x));
    m.compile("sgd", "mse", List.of());
    return m;
  }

  private static final Tensor X = Tensor.randomNormal(Shape.of(16, 3), 0f, 1f, 1);
  private static final Tensor Y = Tensor.randomNormal(Shape.of(16, 1), 0f, 1f, 2);

  @Test
  void savesAFileEveryEpochWithFormattedNames(@TempDir Path dir) {
    Model m = model();
    String pattern = dir.resolve("model-{epoch:02d}-{loss:.2f}.keras").toString();
    m.fit(X, Y, FitOptions.epochs(2).verbose(0).callbacks(new ModelCheckpoint(pattern)));
    try (var files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(2, names.size(), names.toString());
      assertTrue(names.get(0).startsWith("model-01-") && names.get(1).startsWith("model-02-"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void saveBestOnlyKeepsTheBestWeights(@TempDir Path dir) {
    Model m = model();
    Path best = dir.resolve("best.weights.h5");
    ModelCheckpoint cb = new ModelCheckpoint(best.toString()).monitor("loss").saveBestOnly(true)
        .saveWeightsOnly(true);
    var history = m.fit(X, Y, FitOptions.epochs(4).verbose(0).callbacks(cb));
    List<Double> losses = history.get("loss");
    for (int i = 1; i < losses.size(); i++) {
      assertTrue(losses.get(i) < losses.get(i - 1), "this fit's loss falls every epoch: " + losses);
    }
    assertTrue(Files.exists(best));
    Model fresh = model();
    fresh.loadWeights(best);
    // Every epoch improved, so the file holds the last epoch's weights.
    assertArrayEquals(m.getWeights().get(0).toFloatArray(),
        fresh.getWeights().get(0).toFloatArray());
    // A metric that never improves on the threshold saves nothing.
    Path never = dir.resolve("never.weights.h5");
    model().fit(X, Y, FitOptions.epochs(2).verbose(0).callbacks(new ModelCheckpoint(
        never.toString()).monitor("loss").saveBestOnly(true).saveWeightsOnly(true)
        .initialValueThreshold(0.0)));
    assertFalse(Files.exists(never));
  }

  @Test
  void pathsAndFieldsAreChecked() {
    Model m = model();
    var e = assertThrows(JKerasException.class, () -> m.fit(X, Y, FitOptions.epochs(1)
        .verbose(0).callbacks(new ModelCheckpoint("/tmp/x.h5").saveWeightsOnly(true))));
    assertTrue(e.getMessage().startsWith("When using `save_weights_only=True` in"
        + " `ModelCheckpoint`, the filepath provided must end in `.weights.h5`"));
    assertEquals("m-003-0.50.keras",
        ModelCheckpoint.format("m-{epoch:03d}-{val_loss:.2f}.keras", 3, Map.of("val_loss", 0.5)));
    assertFalse(ModelCheckpoint.format("a{epoch}.keras", 7, Map.of()).contains("{"));
  }
}
