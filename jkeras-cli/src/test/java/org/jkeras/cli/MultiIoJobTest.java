package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jkeras.backend.Shape;
import org.jkeras.callbacks.History;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiIoJobTest {
  @Test
  void theGuidesModelHasTwoInputsAndTwoOutputs() {
    Model m = MultiIoJob.build();
    assertEquals(List.of("main_input", "aux_input"), m.inputNames());
    assertEquals(List.of("main_output", "aux_output"), m.outputNames());
  }

  @Test
  void theDataIsDeterministicAndPaddedInFront() {
    MultiIoJob.Data a = MultiIoJob.generate(20, 3);
    MultiIoJob.Data b = MultiIoJob.generate(20, 3);
    assertArrayEquals(a.headlines().toIntArray(), b.headlines().toIntArray());
    assertArrayEquals(a.main().toFloatArray(), b.main().toFloatArray());
    assertEquals(Shape.of(20, 100), a.headlines().shape());
    assertEquals(Shape.of(20, 5), a.features().shape());
    int[] words = a.headlines().toIntArray();
    for (int i = 0; i < 20; i++) {
      assertTrue(words[i * 100 + 99] > 0, "the last word is never padding");
      assertTrue(words[i * 100 + 9 + 1] >= 0);
    }
  }

  @Test
  void itTrainsBothOutputsWithTheGuidesLossWeights(@TempDir Path dir) throws Exception {
    CliOptions o = CliOptions.parse(List.of("multi-io", "--samples", "64", "--epochs", "2",
        "--output", dir.toString()), dir);
    History h = MultiIoJob.run(o, new PrintStream(new ByteArrayOutputStream()), 0);
    assertEquals(2, h.get("loss").size());
    for (String key : List.of("loss", "main_output_accuracy", "aux_output_accuracy", "val_loss",
        "val_main_output_accuracy", "val_aux_output_accuracy")) {
      assertTrue(Double.isFinite(h.get(key).get(1)), key);
    }
    assertTrue(Files.size(dir.resolve(MultiIoJob.CHART)) > 0);
  }
}
