package org.jkeras.callbacks;

import static org.jkeras.trainers.TrainingTestModels.column;
import static org.jkeras.trainers.TrainingTestModels.frozenIdentity;
import static org.jkeras.trainers.TrainingTestModels.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.models.Model;
import org.jkeras.trainers.FitOptions;
import org.jkeras.trainers.TrainingTestModels.Recorder;
import org.junit.jupiter.api.Test;

/** Every hook of a user callback fires in Keras's order; LambdaCallback forwards each hook. */
class CallbackHooksTest {
  @Test
  void aSubclassSeesEveryHookInKerasOrder() {
    Model model = frozenIdentity();
    model.compile("sgd", "mse", List.of("mae"));
    Recorder r = new Recorder() {
      @Override
      public void onTrainBegin(Map<String, Double> logs) {
        assertSame(model, model());
        super.onTrainBegin(logs);
      }
    };
    model.fit(range(4, 1), range(4, 1), FitOptions.epochs(2).batchSize(2).verbose(0)
        .validationData(column(1, 2, 3), column(1, 2, 3)).callbacks(r));
    List<String> expected = new ArrayList<>(List.of("train_begin"));
    for (int e = 0; e < 2; e++) {
      expected.addAll(List.of("epoch_begin:" + e, "train_batch_begin:0", "train_batch_end:0",
          "train_batch_begin:1", "train_batch_end:1", "test_begin", "test_batch_begin:0",
          "test_batch_end:0", "test_batch_begin:1", "test_batch_end:1", "test_end",
          "epoch_end:" + e));
    }
    expected.add("train_end");
    assertEquals(expected, r.events);
    assertEquals(List.of("loss", "mae", "val_loss", "val_mae"),
        List.copyOf(r.epochLogs.get(0).keySet()));
  }

  @Test
  void aLambdaCallbackForwardsItsHooks() {
    Model model = frozenIdentity();
    model.compile("sgd", "mse", List.of());
    List<String> calls = new ArrayList<>();
    LambdaCallback cb = new LambdaCallback()
        .onTrainBegin(logs -> calls.add("train_begin"))
        .onEpochBegin((e, logs) -> calls.add("epoch_begin:" + e))
        .onBatchBegin((b, logs) -> calls.add("batch_begin:" + b))
        .onBatchEnd((b, logs) -> calls.add("batch_end:" + b + " loss=" + logs.get("loss")))
        .onEpochEnd((e, logs) -> calls.add("epoch_end:" + e + " " + logs.keySet()))
        .onTrainEnd(logs -> calls.add("train_end " + logs));
    model.fit(column(1, 2), column(1, 4), FitOptions.epochs(1).batchSize(1).shuffle(false)
        .verbose(0).validationData(column(1), column(3)).callbacks(cb));
    assertEquals(List.of("train_begin", "epoch_begin:0", "batch_begin:0", "batch_end:0 loss=0.0",
        "batch_begin:1", "batch_end:1 loss=2.0", "epoch_end:0 [loss, val_loss]",
        "train_end {loss=2.0, val_loss=4.0}"), calls);
  }

  @Test
  void stopTrainingFromABatchEndsTheEpochThere() {
    Model model = frozenIdentity();
    model.compile("sgd", "mse", List.of());
    Recorder r = new Recorder();
    LambdaCallback stopper = new LambdaCallback().onBatchEnd((b, logs) -> {
      if (b == 1) {
        model.stopTraining(true);
      }
    });
    History h = model.fit(range(6, 1), range(6, 1), FitOptions.epochs(3).batchSize(1)
        .verbose(0).callbacks(stopper, r));
    assertEquals(List.of(0), h.epochs());
    assertEquals(2, r.batchLosses.size());
  }
}
