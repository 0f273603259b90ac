package org.jkeras.callbacks;

import static org.jkeras.trainers.TrainingTestModels.column;
import static org.jkeras.trainers.TrainingTestModels.frozenIdentity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jkeras.backend.Tensor;
import org.jkeras.models.Model;
import org.jkeras.trainers.FitOptions;
import org.jkeras.trainers.TrainingTestModels.Recorder;
import org.junit.jupiter.api.Test;

/** TerminateOnNaN stops after the first batch whose loss is not finite; the epoch still ends. */
class TerminateOnNaNTest {
  @Test
  void stopsOnANaNLoss() {
    Model model = frozenIdentity();
    model.compile("sgd", "mse", List.of());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Recorder recorder = new Recorder();
    History h = model.fit(column(1, Float.NaN, 2, 3), Tensor.zeros(4, 1), FitOptions.epochs(3)
        .batchSize(1).shuffle(false).verbose(0).callbacks(
            new TerminateOnNaN(new PrintStream(bytes, true, StandardCharsets.UTF_8)), recorder));
    assertEquals("Batch 1: Invalid loss, terminating training\n",
        bytes.toString(StandardCharsets.UTF_8));
    assertEquals(List.of("train_begin", "epoch_begin:0", "train_batch_begin:0",
        "train_batch_end:0", "train_batch_begin:1", "train_batch_end:1", "epoch_end:0",
        "train_end"), recorder.events);
    assertEquals(1, h.get("loss").size());
    assertTrue(h.get("loss").get(0).isNaN());
  }

  @Test
  void stopsOnAnInfiniteLoss() {
    Model model = frozenIdentity();
    model.compile("sgd", "mse", List.of());
    History h = model.fit(column(Float.POSITIVE_INFINITY, 1), Tensor.zeros(2, 1),
        FitOptions.epochs(2).batchSize(1).shuffle(false).verbose(0)
            .callbacks(new TerminateOnNaN(new PrintStream(new ByteArrayOutputStream()))));
    assertEquals(1, h.get("loss").size());
  }
}
