package org.jkeras.trainers;

import static org.jkeras.trainers.TrainingTestModels.frozenIdentity;
import static org.jkeras.trainers.TrainingTestModels.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.ReduceLROnPlateau;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;

/**
 * What fit and evaluate print, through the Trainer's stream (not a terminal): nothing at verbose
 * 0, Keras's one line per epoch at verbose 2, whole bar lines without carriage returns at 1.
 */
class ProgressOutputTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private Trainer trainer() {
    Model model = frozenIdentity();
    model.compile(CompileOptions.of("sgd", "mse").metrics(List.of("mae")));
    return new Trainer(model, model.compiled(), out);
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static final String NUMBER = "-?\\d+\\.\\d{4}(e[-+]\\d+)?";
  private static final String STEP_TIME = "\\d+(s|ms|us)/step";

  @Test
  void verboseZeroPrintsNothing() {
    Trainer t = trainer();
    t.fit(List.of(range(8, 1)), List.of(range(8, 2)), FitOptions.epochs(2).batchSize(3)
        .verbose(0).validationSplit(0.25));
    t.evaluate(List.of(range(8, 1)), List.of(range(8, 2)), 3, 0, List.of());
    assertEquals("", printed());
  }

  @Test
  void verboseTwoPrintsOneLinePerEpoch() {
    trainer().fit(List.of(range(8, 1)), List.of(range(8, 2)), FitOptions.epochs(2).batchSize(3)
        .verbose(2).validationSplit(0.25));
    String[] lines = printed().split("\n", -1);
    assertEquals(5, lines.length, printed());
    assertEquals("Epoch 1/2", lines[0]);
    assertEquals("Epoch 2/2", lines[2]);
    assertEquals("", lines[4]);
    String epochLine = "2/2 - \\d+s - " + STEP_TIME + " - loss: " + NUMBER + " - mae: " + NUMBER
        + " - val_loss: " + NUMBER + " - val_mae: " + NUMBER;
    assertTrue(lines[1].matches(epochLine), lines[1]);
    assertTrue(lines[3].matches(epochLine), lines[3]);
    // Rows 0..5 train (errors -i), rows 6 and 7 validate.
    assertTrue(lines[1].contains(" - loss: 9.1667 - mae: 2.5000 - val_loss: 42.5000"), lines[1]);
    assertFalse(printed().contains("\r"));
  }

  @Test
  void oneEpochGetsNoEpochHeaderAsKeras() {
    trainer().fit(List.of(range(4, 1)), List.of(range(4, 1)), FitOptions.epochs(1).verbose(2));
    assertTrue(printed().matches("1/1 - \\d+s - " + STEP_TIME + " - loss: 0\\.0000 - mae:"
        + " 0\\.0000\n"), printed());
  }

  @Test
  void verboseOneToANonTerminalWritesWholeLines() {
    trainer().fit(List.of(range(10, 1)), List.of(range(10, 1)), FitOptions.epochs(2).batchSize(3)
        .verbose(1));
    String text = printed();
    assertFalse(text.contains("\r"), text);
    assertFalse(text.contains("\b"), text);
    assertFalse(text.contains("\u001b"), "no escape codes");
    List<String> lines = List.of(text.split("\n"));
    assertEquals("Epoch 1/2", lines.get(0));
    assertTrue(lines.contains("Epoch 2/2"));
    String finished = "4/4 ━━━━━━━━━━━━━━━━━━━━ \\d+s " + STEP_TIME + " - loss: 0\\.0000 - mae:"
        + " 0\\.0000";
    assertEquals(2, lines.stream().filter(l -> l.matches(finished)).count(), text);
    assertTrue(text.endsWith("\n"));
  }

  @Test
  void theEpochLineShowsWhatCallbacksAddedToTheLogs() {
    trainer().fit(List.of(range(4, 1)), List.of(range(4, 1)), FitOptions.epochs(1).verbose(2)
        .callbacks(new ReduceLROnPlateau().monitor("loss")));
    assertTrue(printed().contains(" - learning_rate: 0.0100 - loss: 0.0000"), printed());
  }

  @Test
  void evaluateVerboseOnePrintsAFinishedBar() {
    trainer().evaluate(List.of(range(10, 1)), List.of(Tensor.zeros(10, 1)), 4, 1, List.of());
    String text = printed();
    assertFalse(text.contains("\r"));
    assertTrue(text.matches("(?s).*3/3 ━━━━━━━━━━━━━━━━━━━━ \\d+s " + STEP_TIME
        + " - loss: 28\\.5000 - mae: 4\\.5000\n"), text);
  }
}
