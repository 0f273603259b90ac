package org.jkeras.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.reshaping.Reshape;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;

/**
 * Batches are served as views of the caller's rows; outputs that share storage with an input (a
 * reshape of it) must still come out of predict with every batch's own values, and shuffled
 * training must see each batch's own rows.
 */
class BatchViewsTest {
  private static Tensor counting(int rows, int cols) {
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.wrap(v, Shape.of(rows, cols));
  }

  @Test
  void predictKeepsOutputsThatShareTheInputsStorage() {
    KerasTensor in = Keras.input(4);
    Model passThrough = new Model(List.of(in), List.of(new Reshape(2, 2).apply(in),
        new Dense(1).apply(in)));
    Tensor x = counting(7, 4);
    List<Tensor> out = passThrough.predict(List.of(x), 2);
    assertArrayEquals(x.toFloatArray(), out.get(0).toFloatArray());
    assertArrayEquals(passThrough.predict(List.of(x), 7).get(1).toFloatArray(),
        out.get(1).toFloatArray(), 1e-6f);
  }

  @Test
  void shuffledTrainingServesEachBatchItsOwnRows() {
    // A linear model fitted on y = sum(x): a batch holding rows of the wrong sample (a stale or
    // overwritten buffer) would not converge to the exact weights.
    KerasTensor in = Keras.input(4);
    Model m = new Model(in, new Dense(1).useBias(false).apply(in));
    m.compile(CompileOptions.of("sgd", "mse"));
    Tensor x = Tensor.randomNormal(Shape.of(64, 4), 0f, 1f, 3);
    float[] y = new float[64];
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 4; j++) {
        y[i] += x.toFloatArray()[i * 4 + j];
      }
    }
    m.fit(x, Tensor.wrap(y, Shape.of(64, 1)), FitOptions.epochs(150).batchSize(10).verbose(0)
        .shuffle(true));
    assertArrayEquals(new float[] {1f, 1f, 1f, 1f}, m.getWeights().get(0).toFloatArray(), 1e-3f);
  }
}
