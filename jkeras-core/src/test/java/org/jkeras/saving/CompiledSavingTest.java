package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.normalization.BatchNormalization;
import org.jkeras.models.Model;
import org.jkeras.optimizers.Adam;
import org.jkeras.trainers.CompileOptions;
import org.jkeras.trainers.FitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved compiled model reloads compiled, and training resumes exactly where it stopped. */
class CompiledSavingTest {
  @TempDir Path dir;

  static Model model() {
    KerasTensor x = Keras.input(Shape.of(4), "x");
    KerasTensor h = new Dense(6).activation("relu").name("hidden").apply(x);
    h = new BatchNormalization().name("bn").apply(h);
    Model m = new Model(x, new Dense(3).activation("softmax").name("out").apply(h)).name("clf");
    m.compile(CompileOptions.of(new Adam(0.01), "sparse_categorical_crossentropy")
        .metrics(List.of("accuracy")));
    return m;
  }

  static Tensor labels() {
    int[] y = new int[16];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 3;
    }
    return Tensor.wrapInts(y, Shape.of(16));
  }

  @Test
  void resumedTrainingEqualsUninterruptedTraining() {
    Tensor x = SavingRoundTripTest.random(7, 16, 4);
    Tensor y = labels();
    FitOptions one = FitOptions.epochs(1).batchSize(4).shuffle(false).verbose(0);
    Model straight = model();
    Model resumed = model();
    resumed.setWeights(straight.getWeights());
    straight.fit(x, y, FitOptions.epochs(2).batchSize(4).shuffle(false).verbose(0));
    resumed.fit(x, y, one);
    Path file = dir.resolve("ckpt.keras");
    resumed.save(file);
    Model loaded = Keras.loadModel(file);
    assertTrue(loaded.isCompiled());
    assertEquals("Adam", loaded.optimizer().className());
    assertEquals(4, loaded.optimizer().iterations());
    assertEquals(0.01, loaded.optimizer().learningRate(), 1e-7);
    loaded.fit(x, y, one);
    List<Tensor> a = straight.getWeights();
    List<Tensor> b = loaded.getWeights();
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), "weight " + i);
    }
    assertEquals(straight.evaluate(x, y), loaded.evaluate(x, y));
  }

  @Test
  void compileConfigIsWritten() {
    Model m = model();
    String json = m.toJson();
    assertTrue(json.contains("\"compile_config\":{\"optimizer\":{\"module\":\"keras.optimizers\","
        + "\"class_name\":\"Adam\""), json);
    assertTrue(json.contains("\"loss\":\"sparse_categorical_crossentropy\""), json);
    assertTrue(json.contains("\"metrics\":[\"accuracy\"]"), json);
    Model back = Keras.modelFromJson(json);
    assertTrue(back.isCompiled());
    Model uncompiled = Keras.loadModel(save(m), false);
    assertEquals(false, uncompiled.isCompiled());
  }

  private Path save(Model m) {
    Path p = dir.resolve("m.keras");
    m.save(p);
    return p;
  }
}
