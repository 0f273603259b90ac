package org.jkeras.layers;

import java.util.List;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.layers.convolutional.Conv1D;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.core.Embedding;
import org.jkeras.layers.merging.Add;
import org.jkeras.layers.merging.Average;
import org.jkeras.layers.merging.Concatenate;
import org.jkeras.layers.merging.Maximum;
import org.jkeras.layers.merging.Minimum;
import org.jkeras.layers.merging.Multiply;
import org.jkeras.layers.merging.Subtract;
import org.jkeras.layers.pooling.AveragePooling1D;
import org.jkeras.layers.pooling.AveragePooling2D;
import org.jkeras.layers.pooling.MaxPooling1D;
import org.jkeras.layers.pooling.MaxPooling2D;
import org.jkeras.layers.reshaping.Flatten;
import org.jkeras.layers.rnn.GRU;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.layers.rnn.SimpleRNN;
import org.jkeras.layers.rnn.TimeDistributed;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;
import org.jkeras.testing.LayerTestHarness;
import org.junit.jupiter.api.Test;

/** The shared harness over the layers of the functional-API issue. */
class ExistingLayersHarnessTest {
  @Test
  void dense() {
    LayerTestHarness.of(() -> new Dense(3).activation("tanh"))
        .inputShapes(Shape.of(2, 4)).outputShapes(Shape.of(2, 3))
        .weights(2, 0, "kernel", "bias")
        .reference(l -> {
          Dense d = (Dense) l;
          Tensor x = Tensor.randomUniform(Shape.of(2, 4), -1f, 1f, 100);
          return List.of(MathOps.tanh(MathOps.add(LinalgOps.matmul(x, d.kernel()), d.bias())));
        })
        .rejects(Shape.of(), "expected min_ndim=2").run();
    LayerTestHarness.of(() -> new Dense(2).useBias(false))
        .inputShapes(Shape.of(2, 3, 4)).outputShapes(Shape.of(2, 3, 2))
        .weights(1, 0, "kernel").run();
  }

  @Test
  void embedding() {
    LayerTestHarness.of(() -> new Embedding(6, 3)).intInput(Shape.of(2, 4), 6)
        .outputShapes(Shape.of(2, 4, 3)).weights(1, 0, "embeddings").run();
  }

  @Test
  void convolutionsAndPooling() {
    LayerTestHarness.of(() -> new Conv2D(3, 2, 3).strides(2, 1).padding("same"))
        .inputShapes(Shape.of(2, 5, 6, 2)).outputShapes(Shape.of(2, 3, 6, 3))
        .weights(2, 0, "kernel", "bias").rejects(Shape.of(5, 2), "expected min_ndim=4").run();
    LayerTestHarness.of(() -> new Conv1D(2, 3).dilationRate(2).activation("tanh"))
        .inputShapes(Shape.of(2, 9, 3)).outputShapes(Shape.of(2, 5, 2))
        .weights(2, 0, "kernel", "bias").run();
    LayerTestHarness.of(() -> new MaxPooling2D(2, 2).padding("same"))
        .inputShapes(Shape.of(2, 5, 5, 3)).inputs(distinct(2, 5, 5, 3)).outputShapes(Shape.of(2, 3, 3, 3)).weights(0, 0)
        .rejects(Shape.of(5, 3), "expected ndim=4").run();
    LayerTestHarness.of(() -> new AveragePooling2D(3, 3).strides(1, 1))
        .inputShapes(Shape.of(1, 4, 4, 2)).outputShapes(Shape.of(1, 2, 2, 2)).weights(0, 0)
        .run();
    LayerTestHarness.of(() -> new MaxPooling1D(3).strides(2))
        .inputShapes(Shape.of(2, 7, 2)).inputs(distinct(2, 7, 2)).outputShapes(Shape.of(2, 3, 2)).weights(0, 0).run();
    LayerTestHarness.of(AveragePooling1D::new)
        .inputShapes(Shape.of(2, 6, 2)).outputShapes(Shape.of(2, 3, 2)).weights(0, 0).run();
    LayerTestHarness.of(Flatten::new).inputShapes(Shape.of(2, 3, 2, 2))
        .outputShapes(Shape.of(2, 12)).weights(0, 0).run();
  }

  /** Values at least 0.01 apart in a scrambled order, so max ties never blur finite differences. */
  static Tensor distinct(int... shape) {
    int n = Shape.of(shape).sizeAsInt();
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = ((i * 37L) % n) * 0.01f - n * 0.005f;
    }
    return Tensor.of(v, shape);
  }

  @Test
  void mergingLayers() {
    for (var f : List.<java.util.function.Supplier<Layer>>of(Add::new, Multiply::new,
        Average::new, Maximum::new, Minimum::new, Subtract::new)) {
      LayerTestHarness.of(f).inputShapes(Shape.of(2, 3), Shape.of(2, 3))
          .inputs(distinct(2, 3), Tensor.randomUniform(Shape.of(2, 3), -1f, 1f, 5))
          .outputShapes(Shape.of(2, 3)).weights(0, 0).run();
    }
    LayerTestHarness.of(() -> new Concatenate(1)).inputShapes(Shape.of(2, 3, 2), Shape.of(2, 1, 2))
        .outputShapes(Shape.of(2, 4, 2)).weights(0, 0).run();
  }

  @Test
  void recurrentLayers() {
    LayerTestHarness.of(() -> new LSTM(3).returnSequences(true).returnState(true))
        .inputShapes(Shape.of(2, 4, 3))
        .outputShapes(Shape.of(2, 4, 3), Shape.of(2, 3), Shape.of(2, 3))
        .weights(3, 0, "kernel", "recurrent_kernel", "bias")
        .rejects(Shape.of(3), "expected ndim=3").run();
    LayerTestHarness.of(() -> new GRU(2).goBackwards(true)).inputShapes(Shape.of(2, 3, 3))
        .outputShapes(Shape.of(2, 2)).weights(3, 0, "kernel", "recurrent_kernel", "bias").run();
    LayerTestHarness.of(() -> new GRU(2).resetAfter(false)).inputShapes(Shape.of(2, 3, 3))
        .outputShapes(Shape.of(2, 2)).weights(3, 0, "kernel", "recurrent_kernel", "bias").run();
    LayerTestHarness.of(() -> new SimpleRNN(2).returnState(true)).inputShapes(Shape.of(2, 3, 2))
        .outputShapes(Shape.of(2, 2), Shape.of(2, 2))
        .weights(3, 0, "kernel", "recurrent_kernel", "bias").run();
    LayerTestHarness.of(() -> new TimeDistributed(new Dense(2))).inputShapes(Shape.of(2, 3, 4))
        .outputShapes(Shape.of(2, 3, 2)).weights(2, 0, "kernel", "bias").nestedWeights().run();
  }
}
