package org.jkeras.reliability;

import static org.jkeras.reliability.BadInputs.failsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.callbacks.Callback;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.normalization.BatchNormalization;
import org.jkeras.models.Model;
import org.jkeras.trainers.FitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A fit that fails on bad input leaves the weights (trainable and not), the optimizer's
 * variables and its step count exactly as they were; a failure in the middle of fit leaves a
 * model that still predicts and trains.
 */
class NothingLostTest {
  /** Dense -> BatchNormalization -> softmax over 3 classes, trained one epoch with Adam. */
  private static Model trainedClassifier() {
    KerasTensor in = Keras.input(Shape.of(4), "features");
    KerasTensor h = new BatchNormalization().name("bn").apply(new Dense(5).name("hidden")
        .apply(in));
    Model model = new Model(in, new Dense(3).activation("softmax").name("probs").apply(h));
    model.compile("adam", "sparse_categorical_crossentropy", List.of("accuracy"));
    model.fit(data(8), labels(8), FitOptions.defaults().verbose(0).batchSize(4));
    return model;
  }

  private static Tensor data(int n) {
    return Tensor.randomNormal(Shape.of(n, 4), 0, 1, 7);
  }

  private static Tensor labels(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = i % 3;
    }
    return Tensor.of(v, n);
  }

  /** Every model weight and optimizer variable, copied, plus the step count. */
  private static List<float[]> snapshot(Model model) {
    List<float[]> out = new ArrayList<>();
    for (Variable v : model.weights()) {
      out.add(v.toFloatArray());
    }
    for (Variable v : model.optimizer().variables()) {
      out.add(v.toFloatArray());
    }
    out.add(new float[] {model.optimizer().iterations()});
    return out;
  }

  private static void assertUnchangedBy(Model model, Class<? extends JKerasException> type,
      String message, Executable badCall) {
    List<float[]> before = snapshot(model);
    failsWith(type, message, badCall);
    List<float[]> after = snapshot(model);
    assertEquals(before.size(), after.size());
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i), after.get(i), "variable " + i + " changed");
    }
  }

  @Test
  void aFitRefusedForBadInputChangesNothing() {
    Model model = trainedClassifier();
    FitOptions quiet = FitOptions.defaults().verbose(0).batchSize(2);
    assertUnchangedBy(model, JKerasException.class, "has label 7 at sample 5",
        () -> model.fit(data(6), Tensor.of(new float[] {0, 1, 2, 0, 1, 7}, 6), quiet));
    assertUnchangedBy(model, IncompatibleShapesException.class, "input 0 ('features')",
        () -> model.fit(Tensor.zeros(6, 5), labels(6), quiet));
    assertUnchangedBy(model, IncompatibleShapesException.class, "target y[0] of shape (6, 3)",
        () -> model.fit(data(6), Tensor.zeros(6, 3), quiet));
    assertUnchangedBy(model, JKerasException.class, "Data cardinality is ambiguous",
        () -> model.fit(data(6), labels(5), quiet));
    assertUnchangedBy(model, JKerasException.class, "The data is empty",
        () -> model.fit(Tensor.zeros(0, 4), labels(0), quiet));
    assertUnchangedBy(model, JKerasException.class, "fit (validation_data)",
        () -> model.fit(data(6), labels(6), FitOptions.defaults().verbose(0)
            .validationData(Tensor.zeros(2, 4), labels(3))));
    Tensor withNaN = data(6);
    float[] values = withNaN.toFloatArray();
    values[4 * 4 + 2] = Float.NaN;
    assertUnchangedBy(model, JKerasException.class, "fit: x[0] contains NaN at sample 4",
        () -> model.fit(Tensor.of(values, 6, 4), labels(6),
            FitOptions.defaults().verbose(0).checkFinite(true)));
  }

  @Test
  void aCallbackThatThrowsMidFitLeavesAUsableModel() {
    Model model = trainedClassifier();
    RuntimeException boom = new IllegalStateException("disk full");
    Callback failing = new Callback() {
      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (batch == 1) {
          throw boom;
        }
      }
    };
    long steps = model.optimizer().iterations();
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> model.fit(data(8),
        labels(8), FitOptions.epochs(3).verbose(0).batchSize(2).callbacks(failing)));
    assertSame(boom, thrown, "the callback's own exception reaches the caller unchanged");
    assertEquals(steps + 2, model.optimizer().iterations(), "two batches ran before the throw");
    assertFalse(model.isStopTraining());

    Tensor probs = model.predict(data(4)).get(0);
    assertEquals(Shape.of(4, 3), probs.shape());
    for (int i = 0; i < 4; i++) {
      float sum = probs.getFloat(i, 0) + probs.getFloat(i, 1) + probs.getFloat(i, 2);
      assertEquals(1f, sum, 1e-5f);
    }
    float[] before = model.getLayer("probs").getWeights().get(0).toFloatArray();
    model.fit(data(8), labels(8), FitOptions.defaults().verbose(0).batchSize(4));
    assertEquals(steps + 4, model.optimizer().iterations());
    assertNotEquals(before[0], model.getLayer("probs").getWeights().get(0).toFloatArray()[0]);
  }
}
