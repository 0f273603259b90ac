package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.models.Model;
import org.jkeras.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL in the middle of {@code model.save} leaves the previous complete
 * file at the path (it loads and predicts that version's numbers), and the temporary files it
 * leaves are hidden {@code .tmp} names that the next save removes.
 */
class SaveKillTest {
  @TempDir Path dir;

  @Test
  void killedMidSaveLeavesThePreviousFileIntact() throws Exception {
    Path path = dir.resolve("model.keras");
    Tensor x = Tensor.randomNormal(Shape.of(3, SaveLoopChild.UNITS), 0f, 1f, 5);
    float[] base = SaveLoopChild.model(0).predict(x).get(0).toFloatArray();
    List<String> leftovers = new ArrayList<>();
    int killedWhileWriting = 0;
    long saveMs = 0;
    for (int round = 0; round < 3; round++) {
      try (ChildJvm child = ChildJvm.start(SaveLoopChild.class, path.toString())) {
        String saved = child.await(l -> l.startsWith("saved 0 "), 20);
        saveMs = Math.max(saveMs, Long.parseLong(saved.split(" ")[2]));
        for (String old : leftovers) {
          assertFalse(Files.exists(dir.resolve(old)), "the next save removes " + old);
        }
        child.await(l -> l.equals("saving 1"), 10);
        long waitedFor = System.nanoTime();
        while (temps().isEmpty() && System.nanoTime() - waitedFor < 2e9) {
          Thread.onSpinWait();
        }
        // The first round kills as the temporary file appears, the others a third and two
        // thirds into a save.
        Thread.sleep(round * saveMs / 3);
        boolean writing = !temps().isEmpty();
        child.kill();
        killedWhileWriting += writing ? 1 : 0;
        List<String> out = child.drain();
        int lastSaved = out.stream().filter(l -> l.startsWith("saved ")).mapToInt(
            l -> Integer.parseInt(l.split(" ")[1])).max().orElseThrow();
        Model loaded = Keras.loadModel(path);
        float[] got = loaded.predict(x).get(0).toFloatArray();
        int version = Math.round(got[0] - base[0]);
        assertTrue(version == lastSaved || version == lastSaved + 1,
            "the file holds version " + version + " after the child had saved " + lastSaved);
        float[] expected = base.clone();
        for (int i = 0; i < expected.length; i++) {
          expected[i] += version;
        }
        assertArrayEquals(expected, got, "predictions of version " + version);
        leftovers = temps();
        for (String name : leftovers) {
          assertTrue(name.startsWith(".model.keras.") && name.endsWith(".tmp")
              || name.endsWith(".tmp.part"), name);
          assertFalse(name.endsWith(".keras"), name);
        }
      }
    }
    assertTrue(killedWhileWriting >= 2, "only " + killedWhileWriting + " of 3 kills came while"
        + " a save was writing; saves take " + saveMs + " ms");
    SaveLoopChild.model(9).save(path);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("model.keras"), files.map(p -> p.getFileName().toString()).toList());
    }
    assertArrayEquals(Keras.loadModel(path).predict(x).get(0).toFloatArray(),
        SaveLoopChild.model(9).predict(x).get(0).toFloatArray());
  }

  private List<String> temps() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))
          .sorted().toList();
    }
  }
}
