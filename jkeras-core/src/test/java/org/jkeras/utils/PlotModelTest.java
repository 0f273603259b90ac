package org.jkeras.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotModelTest {
  private static Model sharedModel() {
    KerasTensor a = Keras.input(Shape.of(3), "in_a");
    KerasTensor b = Keras.input(Shape.of(3), "in_b");
    Dense shared = new Dense(2).name("shared_d");
    return new Model(List.of(a, b), List.of(shared.apply(a), shared.apply(b))).name("plot_me");
  }

  @Test
  void dotHasALabelledBoxPerLayerAndAnEdgePerConnection() {
    String dot = PlotModel.toDot(sharedModel());
    assertTrue(dot.startsWith("digraph \"plot_me\" {"), dot);
    assertTrue(dot.contains("[label=\"{in_a (InputLayer)|(None, 3)}\"]"), dot);
    assertTrue(dot.contains("[label=\"{shared_d (Dense)|(None, 2)}\"]"), dot);
    assertEquals(2, dot.split("->", -1).length - 1, dot);
  }

  @Test
  void writesDotAndSaysSoWhenItCannotRender(@TempDir Path dir) throws Exception {
    PlotModel.Result r = Keras.plotModel(sharedModel(), dir.resolve("model.dot"));
    assertEquals(dir.resolve("model.dot"), r.dotFile());
    assertNull(r.image());
    assertTrue(Files.readString(r.dotFile()).contains("shared_d"));
    PlotModel.Result png = Keras.plotModel(sharedModel(), dir.resolve("model.png"));
    assertEquals(dir.resolve("model.dot"), png.dotFile());
    if (png.image() == null) {
      assertTrue(png.message().startsWith("Wrote DOT only to "), png.message());
    } else {
      assertTrue(Files.size(png.image()) > 0);
    }
  }
}
