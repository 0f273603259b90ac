package org.jkeras.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.models.Model;
import org.jkeras.saving.KerasJson;
import org.jkeras.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fit interrupted (an exception, or SIGKILL of its process) and resumed with BackupAndRestore
 * ends with the weights of a fit never interrupted: shuffling, dropout masks, optimizer state
 * and the position in the epoch all come back.
 */
class BackupAndRestoreTest {
  /** Bit-for-bit in practice; the Vector API may sum in another order once JIT-compiled. */
  private static final double TOLERANCE = 1e-6;

  @TempDir Path dir;

  @Test
  void crashMidEpochThenResumeMatchesAnUninterruptedFit() {
    List<Tensor> reference = BackupModels.reference();
    Path backup = dir.resolve("backup");
    Model first = BackupModels.build(11);
    IllegalStateException crash = assertThrows(IllegalStateException.class,
        () -> first.fit(BackupModels.x(), BackupModels.y(), BackupModels.options(
            new BackupModels.Crash(2, 1), new BackupAndRestore(backup).saveFreq(3))));
    assertEquals("simulated crash", crash.getMessage());
    // Backups after global batches 3, 6, 9: the last one is epoch 1 after its batch 3.
    Map<String, Object> meta = metadata(backup);
    assertEquals(1, meta.get("epoch"));
    assertEquals(4, meta.get("step"));
    assertEquals(List.of("backup-3.weights.h5", BackupAndRestore.METADATA),
        list(backup));

    // A new process would build the model with other random weights and seeds.
    Model resumed = BackupModels.build(999);
    History history = resumed.fit(BackupModels.x(), BackupModels.y(),
        BackupModels.options(new BackupAndRestore(backup).saveFreq(3)));
    assertEquals(List.of(1, 2, 3), history.epochs());
    double diff = BackupModels.maxDifference(reference, resumed.getWeights());
    assertTrue(diff <= TOLERANCE, "resumed weights differ from the uninterrupted fit by " + diff);
    assertFalse(Files.exists(backup), "a finished fit deletes its backup");

    // The check has teeth: the same fit from other starting weights ends elsewhere.
    Model other = BackupModels.build(999);
    other.fit(BackupModels.x(), BackupModels.y(), BackupModels.options());
    assertTrue(BackupModels.maxDifference(reference, other.getWeights()) > 1e-3);
  }

  @Test
  void epochBackupsResumeAtTheNextEpochAndCanBeKept() {
    List<Tensor> reference = BackupModels.reference();
    Path backup = dir.resolve("epochs");
    Callback stopAtEpoch2 = new Callback() {
      @Override
      public void onEpochBegin(int epoch, Map<String, Double> logs) {
        if (epoch == 2) {
          throw new IllegalStateException("interrupted at epoch 2");
        }
      }
    };
    Model first = BackupModels.build(11);
    assertThrows(IllegalStateException.class, () -> first.fit(BackupModels.x(),
        BackupModels.y(), BackupModels.options(new BackupAndRestore(backup), stopAtEpoch2)));
    assertEquals(2, metadata(backup).get("epoch"));
    assertEquals(0, metadata(backup).get("step"));
    Model resumed = BackupModels.build(5);
    History history = resumed.fit(BackupModels.x(), BackupModels.y(),
        BackupModels.options(new BackupAndRestore(backup).deleteCheckpoint(false)));
    assertEquals(List.of(2, 3), history.epochs());
    assertTrue(BackupModels.maxDifference(reference, resumed.getWeights()) <= TOLERANCE);
    assertEquals(List.of("backup-4.weights.h5", BackupAndRestore.METADATA), list(backup));
  }

  @Test
  void killedTrainingProcessResumesExactly() throws Exception {
    List<Tensor> reference = BackupModels.reference();
    Path backup = dir.resolve("killed");
    try (ChildJvm child = ChildJvm.start(TrainingChild.class, backup.toString())) {
      child.await(l -> l.equals("batch 2 2"), 30);
      child.kill();
      assertFalse(child.drain().contains("done"));
    }
    Map<String, Object> meta = metadata(backup);
    assertTrue((Integer) meta.get("epoch") >= 2, "backup at " + meta);
    Model resumed = BackupModels.build(77);
    History history = resumed.fit(BackupModels.x(), BackupModels.y(),
        BackupModels.options(new BackupAndRestore(backup).saveFreq(2)));
    assertTrue(history.epochs().get(0) >= 2, "resumed at epoch " + history.epochs());
    double diff = BackupModels.maxDifference(reference, resumed.getWeights());
    assertTrue(diff <= TOLERANCE, "resumed weights differ from the uninterrupted fit by " + diff);
  }

  @Test
  void badArgumentsAndDamagedBackupsSayWhatToDo() throws Exception {
    JKerasException freq = assertThrows(JKerasException.class,
        () -> new BackupAndRestore(dir).saveFreq(0));
    assertEquals("Invalid value for argument `save_freq`. Received: save_freq=0. Expected"
        + " either 'epoch' or a positive integer number of batches.", freq.getMessage());
    assertThrows(JKerasException.class, () -> new BackupAndRestore(dir).saveFreq("batch"));
    Files.writeString(dir.resolve(BackupAndRestore.METADATA), "{\"epoch\": 1, \"step\": 0,"
        + " \"cursor\": 0, \"generation\": 1, \"weights\": \"backup-1.weights.h5\","
        + " \"data_random_state\": [], \"seed_generators\": []}");
    Model model = BackupModels.build(1);
    JKerasException missing = assertThrows(JKerasException.class, () -> model.fit(
        BackupModels.x(), BackupModels.y(), BackupModels.options(new BackupAndRestore(dir))));
    assertEquals("The backup in " + dir + " is damaged: training_metadata.json names"
        + " backup-1.weights.h5, which does not exist. Delete the folder to start training from"
        + " the beginning.", missing.getMessage());
  }

  private static Map<String, Object> metadata(Path backup) {
    try {
      return KerasJson.readObject(Files.readString(backup.resolve(BackupAndRestore.METADATA)),
          "metadata");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> list(Path folder) {
    try (var files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
