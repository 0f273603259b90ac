package org.jkeras.trainers;

import static org.jkeras.trainers.TrainingTestModels.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.History;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;

/**
 * Several outputs: losses per output by list or by name, loss weights, metrics logged as
 * "output_metric". Frozen projections (left = x0, right = x1) keep every value computable by hand.
 */
class MultiOutputTest {
  private static final Tensor X = Tensor.of(new float[][] {
    {0.2f, 1}, {0.7f, 2}, {0.9f, -1}, {0.4f, 0}});
  private static final Tensor LEFT = column(0, 1, 0, 0);
  private static final Tensor RIGHT = column(1, 1, 1, 1);
  // left errors: 0.2, -0.3, 0.9, 0.4; right errors: 0, 1, -2, -1
  private static final double LEFT_MSE = (0.04 + 0.09 + 0.81 + 0.16) / 4;
  private static final double RIGHT_MSE = (0 + 1 + 4 + 1) / 4.0;
  private static final double RIGHT_MAE = (0 + 1 + 2 + 1) / 4.0;

  private static Model twoProjections() {
    KerasTensor in = Keras.input(2);
    Map<String, KerasTensor> outputs = new LinkedHashMap<>();
    outputs.put("left", new Dense(1).name("left").apply(in));
    outputs.put("right", new Dense(1).name("right").apply(in));
    Model model = new Model(List.of(in), outputs);
    for (String name : List.of("left", "right")) {
      Dense d = (Dense) model.getLayer(name);
      float[] k = name.equals("left") ? new float[] {1, 0} : new float[] {0, 1};
      d.setWeights(List.of(Tensor.of(k, 2, 1), Tensor.of(new float[] {0})));
      d.trainable(false);
    }
    return model;
  }

  @Test
  void lossesByListWithLossWeights() {
    Model model = twoProjections();
    model.compile(CompileOptions.of("sgd", List.of("mse", "mae")).lossWeights(List.of(1.0, 0.5)));
    Map<String, Double> logs = model.evaluate(X, List.of(LEFT, RIGHT));
    assertEquals(LEFT_MSE + 0.5 * RIGHT_MAE, logs.get("loss"), 1e-6);
    assertEquals(List.of("loss"), List.copyOf(logs.keySet()));
  }

  @Test
  void lossesByNameMayLeaveAnOutputOut() {
    Model model = twoProjections();
    Map<String, Double> weights = Map.of("right", 2.0);
    model.compile(CompileOptions.of("sgd", Map.of("right", "mse")).lossWeights(weights));
    assertEquals(2 * RIGHT_MSE, model.evaluate(X, Map.of("left", LEFT, "right", RIGHT))
        .get("loss"), 1e-6);
  }

  @Test
  void oneLossNameAppliesToEveryOutput() {
    Model model = twoProjections();
    model.compile(CompileOptions.of("sgd", "mse"));
    assertEquals(LEFT_MSE + RIGHT_MSE, model.evaluate(X, List.of(LEFT, RIGHT)).get("loss"), 1e-6);
  }

  @Test
  void metricsAreNamedAfterTheirOutput() {
    Model model = twoProjections();
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("left", List.of("accuracy"));
    metrics.put("right", List.of("mae"));
    model.compile(CompileOptions.of("sgd", "mse").metrics(metrics));
    History h = model.fit(X, List.of(LEFT, RIGHT), FitOptions.epochs(1).verbose(0)
        .validationData(List.of(X), List.of(LEFT, RIGHT)));
    assertEquals(List.of("loss", "left_accuracy", "right_mae", "val_loss", "val_left_accuracy",
        "val_right_mae"), List.copyOf(h.history().keySet()));
    // left predictions 0.2, 0.7, 0.9, 0.4 against 0, 1, 0, 0 at threshold 0.5: three right.
    assertEquals(0.75, h.get("left_accuracy").get(0), 1e-7);
    assertEquals(0.75, h.get("val_left_accuracy").get(0), 1e-7);
    assertEquals(RIGHT_MAE, h.get("val_right_mae").get(0), 1e-6);
    assertEquals(LEFT_MSE + RIGHT_MSE, h.get("val_loss").get(0), 1e-6);
  }

  @Test
  void metricsAsAListPerOutput() {
    Model model = twoProjections();
    model.compile(CompileOptions.of("sgd", "mse").metrics(List.of(List.of("mae"),
        List.of("mse"))));
    Map<String, Double> logs = model.evaluate(X, List.of(LEFT, RIGHT));
    assertEquals(List.of("loss", "left_mae", "right_mse"), List.copyOf(logs.keySet()));
    assertEquals(RIGHT_MSE, logs.get("right_mse"), 1e-6);
  }

  @Test
  void predictGivesOneTensorPerOutput() {
    List<Tensor> out = twoProjections().predict(X);
    assertEquals(2, out.size());
    assertEquals(Shape.of(4, 1), out.get(1).shape());
    assertEquals(-1f, out.get(1).getFloat(2, 0));
  }
}
