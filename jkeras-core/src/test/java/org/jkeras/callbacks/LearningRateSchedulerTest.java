package org.jkeras.callbacks;

import static org.jkeras.trainers.TrainingTestModels.column;
import static org.jkeras.trainers.TrainingTestModels.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.models.Model;
import org.jkeras.optimizers.SGD;
import org.jkeras.trainers.CompileOptions;
import org.jkeras.trainers.FitOptions;
import org.junit.jupiter.api.Test;

/** LearningRateScheduler sets the rate each epoch trains with, and logs it. */
class LearningRateSchedulerTest {
  @Test
  void eachEpochTrainsWithTheScheduledRate() {
    // w x with x = 1, y = 0 and mse: the SGD step is w -= lr * 2 w, so w scales by 1 - 2 lr.
    KerasTensor in = Keras.input(1);
    Dense dense = new Dense(1).useBias(false);
    Model model = new Model(in, dense.apply(in));
    dense.setWeights(List.of(Tensor.of(new float[] {1}, 1, 1)));
    model.compile(CompileOptions.of(new SGD(0.1), "mse"));
    List<Double> seen = new ArrayList<>();
    LambdaCallback probe = new LambdaCallback()
        .onBatchBegin((b, logs) -> seen.add(model.optimizer().learningRate()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LearningRateScheduler scheduler = new LearningRateScheduler(
        (epoch, lr) -> epoch == 0 ? 0.25 : lr * 0.5, 1,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    History h = model.fit(column(1), column(0), FitOptions.epochs(3).verbose(0)
        .callbacks(scheduler, probe));
    assertEquals(List.of(0.25, 0.125, 0.0625), seen);
    assertEquals(List.of(0.25, 0.125, 0.0625), h.get("learning_rate"));
    assertEquals((1 - 0.5) * (1 - 0.25) * (1 - 0.125), dense.kernel().item(), 1e-7);
    assertEquals("\nEpoch 1: LearningRateScheduler setting learning rate to 0.25.\n"
        + "\nEpoch 2: LearningRateScheduler setting learning rate to 0.125.\n"
        + "\nEpoch 3: LearningRateScheduler setting learning rate to 0.0625.\n",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aScheduleMustGiveAFiniteRate() {
    Model model = org.jkeras.trainers.TrainingTestModels.frozenIdentity();
    model.compile("sgd", "mse", List.of());
    JKerasException e = assertThrows(JKerasException.class, () -> model.fit(range(2, 1),
        range(2, 1), FitOptions.epochs(1).verbose(0)
            .callbacks(new LearningRateScheduler((epoch, lr) -> Double.NaN))));
    assertEquals("The output of the schedule function should be a finite float. Got: NaN",
        e.getMessage());
  }
}
