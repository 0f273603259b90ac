package org.jkeras.callbacks;

import static org.jkeras.trainers.TrainingTestModels.frozenIdentity;
import static org.jkeras.trainers.TrainingTestModels.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.layers.core.Dense;
import org.jkeras.models.Model;
import org.jkeras.trainers.CompileOptions;
import org.jkeras.trainers.FitOptions;
import org.junit.jupiter.api.Test;

/** EarlyStopping against scripted metric values: patience, min delta, mode, baseline, restore. */
class EarlyStoppingTest {
  /** The number of epochs trained (of at most the script's length) with {@code es} watching. */
  private static int epochsRun(EarlyStopping es, double... script) {
    return epochsRun("score", es, script);
  }

  private static int epochsRun(String metric, EarlyStopping es, double... script) {
    Model model = frozenIdentity();
    model.compile("sgd", "mse", List.of());
    History h = model.fit(range(2, 1), range(2, 1), FitOptions.epochs(script.length).verbose(0)
        .callbacks(new ScriptedMetric(metric, script), es));
    return h.epochs().size();
  }

  @Test
  void stopsAfterPatienceEpochsWithoutImprovement() {
    EarlyStopping es = new EarlyStopping().monitor("score").patience(2);
    assertEquals(4, epochsRun(es, 5, 4, 4.5, 4.2, 4.1, 3, 2, 1));
    assertEquals(3, es.stoppedEpoch());
    assertEquals(1, es.bestEpoch());
  }

  @Test
  void patienceZeroStopsAtTheFirstEpochThatDoesNotImprove() {
    EarlyStopping es = new EarlyStopping().monitor("score");
    assertEquals(3, epochsRun(es, 3, 2, 2, 1));
    assertEquals(2, es.stoppedEpoch());
    EarlyStopping never = new EarlyStopping().monitor("score");
    assertEquals(4, epochsRun(never, 4, 3, 2, 1));
    assertEquals(0, never.stoppedEpoch(), "0 when training was not stopped");
  }

  @Test
  void improvementsSmallerThanMinDeltaDoNotCount() {
    EarlyStopping es = new EarlyStopping().monitor("score").minDelta(0.1).patience(1);
    assertEquals(2, epochsRun(es, 5, 4.95, 4.5, 4));
    EarlyStopping smaller = new EarlyStopping().monitor("score").minDelta(0.01).patience(1);
    assertEquals(4, epochsRun(smaller, 5, 4.95, 4.5, 4));
  }

  @Test
  void modeMaxAndAutoForAccuracies() {
    assertEquals(3, epochsRun(new EarlyStopping().monitor("score").mode("max"), 1, 2, 1.5, 3));
    assertEquals(2, epochsRun(new EarlyStopping().monitor("score").mode("min"), 1, 2, 1.5, 3));
    assertEquals(3, epochsRun("accuracy", new EarlyStopping().monitor("accuracy"),
        0.5, 0.6, 0.55, 0.7));
    assertEquals(2, epochsRun("loss", new EarlyStopping().monitor("loss"), 0.5, 0.6, 0.55, 0.7));
  }

  @Test
  void anImprovementThatMissesTheBaselineKeepsCountingButNeverStops() {
    // Keras: each improving epoch returns early; only a non-improving one can stop.
    EarlyStopping es = new EarlyStopping().monitor("score").patience(1).baseline(3.0);
    assertEquals(4, epochsRun(es, 5, 4, 3.5, 3.6, 3.7, 3.8));
    assertEquals(3, es.stoppedEpoch());
    EarlyStopping beaten = new EarlyStopping().monitor("score").patience(1).baseline(3.0);
    assertEquals(3, epochsRun(beaten, 5, 2.5, 2.6, 2.7, 2.8));
  }

  @Test
  void startFromEpochIgnoresTheWarmUp() {
    EarlyStopping es = new EarlyStopping().monitor("score").startFromEpoch(2);
    assertEquals(5, epochsRun(es, 1, 2, 3, 2, 5, 6));
    assertEquals(4, es.stoppedEpoch());
  }

  @Test
  void restoreBestWeightsPutsBackTheWeightsOfTheBestEpoch() {
    for (boolean restore : new boolean[] {true, false}) {
      RandomSeeds.set(4);
      KerasTensor in = Keras.input(1);
      Model model = new Model(in, new Dense(1).apply(in));
      model.compile(CompileOptions.of("sgd", "mse"));
      List<List<Tensor>> weightsAtEpochEnd = new ArrayList<>();
      LambdaCallback snapshot = new LambdaCallback()
          .onEpochEnd((e, logs) -> weightsAtEpochEnd.add(model.getWeights()));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      EarlyStopping es = new EarlyStopping().monitor("score").patience(2)
          .restoreBestWeights(restore)
          .verbose(1, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      History h = model.fit(range(8, 1), range(8, 3), FitOptions.epochs(6).verbose(0)
          .callbacks(new ScriptedMetric("score", 3, 1, 2, 2.5, 0.5, 0.1), snapshot, es));
      assertEquals(4, h.epochs().size());
      List<Tensor> expected = weightsAtEpochEnd.get(restore ? 1 : 3);
      List<Tensor> actual = model.getWeights();
      for (int i = 0; i < expected.size(); i++) {
        assertArrayEquals(expected.get(i).toFloatArray(), actual.get(i).toFloatArray(), 0f);
      }
      assertFalse(java.util.Arrays.equals(weightsAtEpochEnd.get(1).get(0).toFloatArray(),
          weightsAtEpochEnd.get(3).get(0).toFloatArray()), "training moved the weights");
      String printed = bytes.toString(StandardCharsets.UTF_8);
      assertEquals(restore ? "Epoch 4: early stopping\nRestoring model weights from the end of"
          + " the best epoch: 2.\n" : "Epoch 4: early stopping\n", printed);
    }
  }

  @Test
  void aMissingMetricIsReportedAndIgnored() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EarlyStopping es = new EarlyStopping().monitor("nope")
        .verbose(0, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(3, epochsRun(es, 1, 1, 1));
    assertEquals(("Early stopping conditioned on metric `nope` which is not available. Available"
        + " metrics are: loss,score\n").repeat(3), bytes.toString(StandardCharsets.UTF_8));
  }
}
