package org.jkeras.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.Callback;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.trainers.FitOptions;
import org.junit.jupiter.api.Test;

/**
 * One thread trains while others predict: every prediction is that of the weights before or
 * after some training step, never of a half-updated model; a second fit (or an evaluate) from
 * another thread is refused with a clear message.
 */
class TrainWhilePredictTest {
  private static Model model() {
    KerasTensor x = Keras.input(8);
    KerasTensor h = new Dense(32).activation("tanh").apply(x);
    h = new Dense(32).activation("tanh").apply(h);
    Model model = new Model(x, new Dense(4).apply(h));
    model.compile("sgd", "mse", List.of());
    return model;
  }

  @Test
  void predictionsDuringFitSeeWholeSteps() throws Exception {
    Model model = model();
    Tensor x = Tensor.randomNormal(Shape.of(64, 8), 0f, 1f, 1);
    Tensor y = Tensor.randomNormal(Shape.of(64, 4), 0f, 1f, 2);
    Tensor probe = Tensor.randomNormal(Shape.of(16, 8), 0f, 1f, 3);
    List<List<Tensor>> states = new ArrayList<>();
    states.add(model.getWeights());
    Callback record = new Callback() {
      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        states.add(model.getWeights());
        try {
          Thread.sleep(3); // room for predictions between steps, even on a loaded machine
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    ConcurrentLinkedQueue<float[]> seen = new ConcurrentLinkedQueue<>();
    AtomicBoolean training = new AtomicBoolean(true);
    CountDownLatch predicting = new CountDownLatch(4);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> predictors = new ArrayList<>();
    try {
      for (int t = 0; t < 4; t++) {
        predictors.add(pool.submit(() -> {
          while (training.get()) {
            // One batch holds all 16 rows: the whole result comes from one state.
            seen.add(model.predict(probe, 16).get(0).toFloatArray());
            predicting.countDown();
          }
          return null;
        }));
      }
      assertTrue(predicting.await(30, TimeUnit.SECONDS));
      model.fit(x, y, FitOptions.epochs(6).batchSize(8).verbose(0).callbacks(record));
    } finally {
      training.set(false);
      for (Future<?> f : predictors) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdownNow();
    }
    assertEquals(1 + 6 * 8, states.size());
    List<float[]> valid = new ArrayList<>();
    for (List<Tensor> state : states) {
      model.setWeights(state);
      valid.add(model.predict(probe, 16).get(0).toFloatArray());
    }
    int[] hits = new int[valid.size()];
    for (float[] prediction : seen) {
      int match = -1;
      for (int k = 0; k < valid.size() && match < 0; k++) {
        match = Arrays.equals(valid.get(k), prediction) ? k : -1;
      }
      if (match < 0) {
        fail("a prediction made during fit matches none of the " + valid.size()
            + " states before and after each step: " + Arrays.toString(prediction));
      }
      hits[match]++;
    }
    long statesSeen = Arrays.stream(hits).filter(h -> h > 0).count();
    assertTrue(statesSeen >= 3, "predictions overlapped only " + statesSeen + " states of "
        + seen.size() + " predictions; the test did not run predict alongside training");
  }

  @Test
  void secondFitFromAnotherThreadIsRefused() throws Exception {
    Model model = model();
    Tensor x = Tensor.randomNormal(Shape.of(16, 8), 0f, 1f, 1);
    Tensor y = Tensor.randomNormal(Shape.of(16, 4), 0f, 1f, 2);
    CountDownLatch inFit = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Callback hold = new Callback() {
      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        inFit.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        // The training thread itself may evaluate (nested sessions are its own).
        model.evaluate(x, y);
      }
    };
    Thread trainer = new Thread(() -> model.fit(x, y,
        FitOptions.epochs(1).batchSize(16).verbose(0).callbacks(hold)), "trainer-thread");
    trainer.start();
    try {
      assertTrue(inFit.await(30, TimeUnit.SECONDS));
      JKerasException fit = assertThrows(JKerasException.class,
          () -> model.fit(x, y, FitOptions.epochs(1).verbose(0)));
      assertEquals("Model '" + model.name() + "' is already training in another thread (fit on"
          + " thread 'trainer-thread'), so it cannot fit now: one model runs one fit, evaluate,"
          + " trainOnBatch or testOnBatch at a time (they share its optimizer and metrics)."
          + " Wait for it to finish, or use a copy of the model; predict may run alongside.",
          fit.getMessage());
      JKerasException evaluate = assertThrows(JKerasException.class,
          () -> model.evaluate(x, y));
      assertTrue(evaluate.getMessage().contains("is already training in another thread (fit"),
          evaluate.getMessage());
      assertEquals(List.of(16, 4), List.of(model.predict(x).get(0).shape().dims()[0],
          model.predict(x).get(0).shape().dims()[1]));
    } finally {
      release.countDown();
      trainer.join(30_000);
    }
    // Once the first fit is over, fitting from this thread works.
    model.fit(x, y, FitOptions.epochs(1).verbose(0));
  }
}
