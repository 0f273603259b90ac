package org.jkeras.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.History;
import org.jkeras.graph.KerasTensor;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.regularization.Dropout;
import org.jkeras.models.Model;
import org.jkeras.optimizers.Adam;
import org.jkeras.optimizers.SGD;
import org.junit.jupiter.api.Test;

/** fit learns: XOR, a linear map with known coefficients, and the same seed gives the same run. */
class ConvergenceTest {
  @Test
  void xorIsLearnedToFullAccuracy() {
    RandomSeeds.set(7);
    KerasTensor in = Keras.input(2);
    Model model = new Model(in, new Dense(1).activation("sigmoid").apply(
        new Dense(8).activation("tanh").apply(in)));
    model.compile(CompileOptions.of(new Adam(0.05), "binary_crossentropy")
        .metrics(List.of("accuracy")));
    Tensor x = Tensor.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    Tensor y = Tensor.of(new float[][] {{0}, {1}, {1}, {0}});
    History h = model.fit(x, y, FitOptions.epochs(300).batchSize(4).verbose(0));
    assertEquals(300, h.get("loss").size());
    assertTrue(h.get("loss").get(299) < 0.1, "final loss " + h.get("loss").get(299));
    assertEquals(1.0, h.get("accuracy").get(299));
    float[] p = model.predict(x).get(0).toFloatArray();
    assertTrue(p[0] < 0.5 && p[1] > 0.5 && p[2] > 0.5 && p[3] < 0.5, java.util.Arrays.toString(p));
    assertEquals(1.0, model.evaluate(x, y).get("accuracy"));
  }

  @Test
  void linearRegressionRecoversTheCoefficients() {
    RandomSeeds.set(11);
    // y = 2 x0 - 3 x1 + 0.5 x2 + 1
    Tensor x = Tensor.randomUniform(Shape.of(128, 3), -1f, 1f, 3);
    float[] xs = x.toFloatArray();
    float[] ys = new float[128];
    for (int i = 0; i < 128; i++) {
      ys[i] = 2 * xs[3 * i] - 3 * xs[3 * i + 1] + 0.5f * xs[3 * i + 2] + 1;
    }
    Tensor y = Tensor.of(ys, 128, 1);
    for (Object optimizer : List.of(new SGD(0.1), new Adam(0.05))) {
      KerasTensor in = Keras.input(3);
      Dense dense = new Dense(1);
      Model model = new Model(in, dense.apply(in));
      model.compile(CompileOptions.of(optimizer, "mse"));
      History h = model.fit(x, y, FitOptions.epochs(60).batchSize(16).verbose(0));
      String what = optimizer.getClass().getSimpleName();
      assertArrayEquals(new float[] {2, -3, 0.5f}, dense.kernel().toFloatArray(), 1e-2f, what);
      assertEquals(1f, dense.bias().item(), 1e-2f, what);
      assertTrue(h.get("loss").get(59) < 1e-4, what + " final loss " + h.get("loss").get(59));
    }
  }

  @Test
  void theSameSeedGivesBitIdenticalWeights() {
    List<Tensor> first = shortRun(42);
    List<Tensor> second = shortRun(42);
    List<Tensor> other = shortRun(43);
    boolean differs = false;
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i).toFloatArray(), second.get(i).toFloatArray(), 0f);
      differs |= !java.util.Arrays.equals(first.get(i).toFloatArray(),
          other.get(i).toFloatArray());
    }
    assertTrue(differs, "another seed gives other weights");
  }

  /** Glorot init, dropout and per-epoch shuffling all draw from the global seed. */
  private static List<Tensor> shortRun(long seed) {
    RandomSeeds.set(seed);
    KerasTensor in = Keras.input(4);
    Model model = new Model(in, new Dense(2).apply(new Dropout(0.3).apply(
        new Dense(6).activation("relu").apply(in))));
    model.compile(CompileOptions.of("adam", "mse"));
    Tensor x = Tensor.randomNormal(Shape.of(20, 4), 0f, 1f, 1);
    Tensor y = Tensor.randomNormal(Shape.of(20, 2), 0f, 1f, 2);
    model.fit(x, y, FitOptions.epochs(3).batchSize(8).verbose(0));
    return model.getWeights();
  }

  @Test
  void theStepLossIsTheBatchSizeWeightedMeanOverTheEpoch() {
    RandomSeeds.set(3);
    KerasTensor in = Keras.input(1);
    Dense dense = new Dense(1);
    Model model = new Model(in, dense.apply(in));
    dense.setWeights(List.of(Tensor.of(new float[] {1}, 1, 1), Tensor.of(new float[] {0})));
    model.compile(CompileOptions.of(new SGD(0.0), "mse"));
    // Predictions equal x; errors are y - x = i, batches of 4, 4 and 2.
    float[] xs = new float[10];
    float[] ys = new float[10];
    double expected = 0;
    for (int i = 0; i < 10; i++) {
      ys[i] = i;
      expected += i * i / 10.0;
    }
    Map<String, Double> logs = model.fit(Tensor.of(xs, 10, 1), Tensor.of(ys, 10, 1),
        FitOptions.epochs(1).batchSize(4).verbose(0)).history().entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
    assertEquals(expected, logs.get("loss"), 1e-5);
  }
}
