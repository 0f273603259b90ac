package org.jkeras.trainers;

import static org.jkeras.trainers.TrainingTestModels.column;
import static org.jkeras.trainers.TrainingTestModels.frozenIdentity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.losses.Losses;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Misuse of compile and fit fails early with a message that says what to do. */
class FitErrorsTest {
  private static Model twoInputs() {
    KerasTensor a = Keras.input(Shape.of(2), "a");
    KerasTensor b = Keras.input(Shape.of(3), "b");
    Model model = new Model(List.of(a, b), new Dense(1).apply(Keras.concatenate(List.of(a, b))));
    model.compile("sgd", "mse", List.of());
    return model;
  }

  private static Model twoOutputs() {
    KerasTensor in = Keras.input(2);
    Map<String, KerasTensor> outputs = new java.util.LinkedHashMap<>();
    outputs.put("left", new Dense(1).name("left").apply(in));
    outputs.put("right", new Dense(1).name("right").apply(in));
    return new Model(List.of(in), outputs);
  }

  private static void assertMessage(String expected, Executable call) {
    assertEquals(expected, assertThrows(JKerasException.class, call).getMessage());
  }

  @Test
  void mismatchedSampleCounts() {
    Model model = frozenIdentity();
    model.compile("sgd", "mse", List.of());
    String message = "Data cardinality is ambiguous: make sure all arrays contain the same number"
        + " of samples. Received: x[0] (4, 1), y[0] (3, 1).";
    assertMessage(message, () -> model.fit(Tensor.zeros(4, 1), Tensor.zeros(3, 1),
        FitOptions.defaults().verbose(0)));
    assertMessage(message, () -> model.evaluate(Tensor.zeros(4, 1), Tensor.zeros(3, 1)));
    assertMessage("Data cardinality is ambiguous: make sure all arrays contain the same number"
        + " of samples. Received: x[0] (4, 1), y[0] (4, 1), sample_weight (5,).",
        () -> model.fit(Tensor.zeros(4, 1), Tensor.zeros(4, 1), FitOptions.defaults()
            .sampleWeight(Tensor.ones(5)).verbose(0)));
    assertMessage("Data cardinality is ambiguous: make sure all arrays contain the same number"
        + " of samples. Received: x[0] (2, 2), x[1] (3, 3), y[0] (2, 1).",
        () -> twoInputs().fit(List.of(Tensor.zeros(2, 2), Tensor.zeros(3, 3)),
            Tensor.zeros(2, 1), FitOptions.defaults().verbose(0)));
  }

  @Test
  void aWrongNumberOfInputs() {
    Model model = twoInputs();
    assertMessage("The model has 2 inputs [a, b] but 1 array was given.",
        () -> model.fit(List.of(Tensor.zeros(2, 2)), Tensor.zeros(2, 1),
            FitOptions.defaults().verbose(0)));
    assertMessage("The model has 2 inputs [a, b] but a single array was given; pass a list or a"
        + " map by input name.", () -> model.fit(Tensor.zeros(2, 2), Tensor.zeros(2, 1),
            FitOptions.defaults().verbose(0)));
    assertMessage("No data for input 'b'. The model's inputs are [a, b] and the given names are"
        + " [a].", () -> model.predict(Map.of("a", Tensor.zeros(2, 2))));
    DataSource oneInput = new DataSource() {
      @Override
      public int size() {
        return 1;
      }

      @Override
      public Batch get(int index) {
        return new Batch(List.of(Tensor.zeros(2, 2)), List.of(Tensor.zeros(2, 1)));
      }
    };
    assertMessage("Model '" + model.name() + "' expects 2 input(s), but it received 1 input"
        + " tensors. Inputs received: [(2, 2)]",
        () -> model.fit(oneInput, null, FitOptions.defaults().verbose(0)));
  }

  @Test
  void aLossNameThatDoesNotExist() {
    Model model = frozenIdentity();
    assertMessage("Unknown loss: 'mean_squared_eror'. Valid names are " + Losses.names()
        + " (or a class name such as 'BinaryCrossentropy').",
        () -> model.compile("sgd", "mean_squared_eror", List.of()));
    assertEquals(true, Losses.names().contains("mean_squared_error"));
  }

  @Test
  void fitBeforeCompile() {
    Model model = frozenIdentity();
    assertMessage("You must call compile() before fit(). Call model.compile(optimizer, loss,"
        + " metrics) first.", () -> model.fit(column(1), column(1), FitOptions.defaults()));
    assertMessage("You must call compile() before evaluate(). Call model.compile(optimizer, loss,"
        + " metrics) first.", () -> model.evaluate(column(1), column(1)));
    assertMessage("You must call compile() before trainOnBatch(). Call model.compile(optimizer,"
        + " loss, metrics) first.", () -> model.trainOnBatch(column(1), column(1)));
  }

  @Test
  void anUnknownOutputNameInALossMap() {
    assertMessage("The loss map has a key 'middle' that is not an output name. The model's"
        + " outputs are [left, right].",
        () -> twoOutputs().compile(CompileOptions.of("sgd", Map.of("left", "mse", "middle",
            "mae"))));
    assertMessage("For a model with 2 outputs, the loss list must have 2 entries, got 1.",
        () -> twoOutputs().compile(CompileOptions.of("sgd", List.of("mse"))));
  }

  @Test
  void classWeightWithSampleWeightOrSeveralOutputs() {
    Model model = frozenIdentity();
    model.compile("sgd", "mse", List.of());
    assertMessage("You cannot `class_weight` and `sample_weight` at the same time.",
        () -> model.fit(column(0, 1), column(0, 1), FitOptions.defaults().verbose(0)
            .classWeight(Map.of(0, 2.0)).sampleWeight(Tensor.ones(2))));
    Model two = twoOutputs();
    two.compile(CompileOptions.of("sgd", "mse"));
    assertMessage("`class_weight` is only supported for Models with a single output.",
        () -> two.fit(column(0, 1).withShape(Shape.of(1, 2)), List.of(column(0), column(1)),
            FitOptions.defaults().verbose(0).classWeight(Map.of(0, 2.0))));
  }

  @Test
  void aValidationSplitThatLeavesNothing() {
    Model model = frozenIdentity();
    model.compile("sgd", "mse", List.of());
    assertMessage("Training data contains 3 samples, which is not sufficient to split it into a"
        + " validation and training set as specified by validation_split=0.7. Either provide"
        + " more data, or a different value for validationSplit.",
        () -> model.fit(column(1, 2, 3), column(1, 2, 3), FitOptions.defaults().verbose(0)
            .validationSplit(0.7)));
  }
}
