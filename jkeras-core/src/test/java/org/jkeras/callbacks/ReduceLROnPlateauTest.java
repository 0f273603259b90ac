package org.jkeras.callbacks;

import static org.jkeras.trainers.TrainingTestModels.frozenIdentity;
import static org.jkeras.trainers.TrainingTestModels.range;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.models.Model;
import org.jkeras.optimizers.SGD;
import org.jkeras.trainers.CompileOptions;
import org.jkeras.trainers.FitOptions;
import org.junit.jupiter.api.Test;

/**
 * ReduceLROnPlateau on scripted metric values. The logged "learning_rate" is the rate the epoch
 * trained with (read before any reduction); the optimizer's rate is read at each epoch's start.
 */
class ReduceLROnPlateauTest {
  private final List<Double> ratesAtEpochBegin = new ArrayList<>();
  private Model model;

  private History run(ReduceLROnPlateau callback, double... script) {
    model = frozenIdentity();
    model.compile(CompileOptions.of(new SGD(0.1), "mse"));
    LambdaCallback rates = new LambdaCallback()
        .onEpochBegin((e, logs) -> ratesAtEpochBegin.add(model.optimizer().learningRate()));
    return model.fit(range(2, 1), range(2, 1), FitOptions.epochs(script.length).verbose(0)
        .callbacks(rates, new ScriptedMetric("score", script), callback));
  }

  private static List<Double> floats(double... values) {
    List<Double> out = new ArrayList<>();
    for (double v : values) {
      out.add((double) (float) v);
    }
    return out;
  }

  @Test
  void reducesAfterPatienceEpochsWithoutImprovement() {
    History h = run(new ReduceLROnPlateau().monitor("score").factor(0.5).patience(2),
        1, 1, 1, 1, 1, 1);
    assertEquals(floats(0.1, 0.1, 0.1, 0.05, 0.05, 0.025), h.get("learning_rate"));
    assertEquals(floats(0.1, 0.1, 0.1, 0.05, 0.05, 0.025), ratesAtEpochBegin);
    assertEquals((float) 0.025, (float) model.optimizer().learningRate());
  }

  @Test
  void improvementsResetTheWait() {
    History h = run(new ReduceLROnPlateau().monitor("score").factor(0.5).patience(2),
        5, 5, 4, 4, 3, 3, 3);
    assertEquals(floats(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1), h.get("learning_rate"));
    assertEquals(0.05f, (float) model.optimizer().learningRate());
  }

  @Test
  void cooldownIdlesAfterAReductionAsKeras() {
    // Keras counts the cooldown down before checking it: cooldown 2 idles one epoch.
    History h = run(new ReduceLROnPlateau().monitor("score").factor(0.5).patience(1)
        .cooldown(2), 1, 1, 1, 1, 1, 1);
    assertEquals(floats(0.1, 0.1, 0.05, 0.05, 0.025, 0.025), h.get("learning_rate"));
    assertEquals(0.0125f, (float) model.optimizer().learningRate());
  }

  @Test
  void neverGoesBelowMinLr() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    History h = run(new ReduceLROnPlateau().monitor("score").factor(0.1).patience(1)
        .minLr(0.005).verbose(1, new PrintStream(bytes, true, StandardCharsets.UTF_8)),
        1, 1, 1, 1, 1);
    assertEquals(floats(0.1, 0.1, 0.01, 0.005, 0.005), h.get("learning_rate"));
    assertEquals(0.005f, (float) model.optimizer().learningRate());
    assertEquals("\nEpoch 2: ReduceLROnPlateau reducing learning rate to "
        + CSVLogger.pythonRepr((float) 0.1 * 0.1) + ".\n"
        + "\nEpoch 3: ReduceLROnPlateau reducing learning rate to 0.005.\n",
        bytes.toString(StandardCharsets.UTF_8), "nothing once at min_lr");
  }

  @Test
  void modeMaxWatchesForIncreases() {
    History h = run(new ReduceLROnPlateau().monitor("score").mode("max").factor(0.5)
        .patience(1), 1, 2, 3, 2, 4);
    assertEquals(floats(0.1, 0.1, 0.1, 0.1, 0.05), h.get("learning_rate"));
  }

  @Test
  void aFactorOfOneOrMoreIsRefused() {
    assertEquals("ReduceLROnPlateau does not support a factor >= 1.0. Got 1.0",
        org.junit.jupiter.api.Assertions.assertThrows(JKerasException.class,
            () -> new ReduceLROnPlateau().factor(1.0)).getMessage());
  }
}
