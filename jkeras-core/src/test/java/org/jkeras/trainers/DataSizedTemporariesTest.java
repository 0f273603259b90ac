package org.jkeras.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.reshaping.Reshape;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;

/**
 * The data can be most of the heap, so work over all of it must not make temporaries of its size:
 * {@code checkFinite} scans in place, a validation split serves both parts from the caller's
 * arrays, and {@code predict} writes each batch's output straight into the result instead of
 * keeping the batches and concatenating them (twice the output at the peak).
 */
class DataSizedTemporariesTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Bytes this thread allocated while {@code work} ran. */
  private static long allocatedBy(Runnable work) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    work.run();
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }

  private static Tensor counting(int rows, int cols) {
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 1000;
    }
    return Tensor.wrap(v, Shape.of(rows, cols));
  }

  private static Model regression(int features) {
    KerasTensor in = Keras.input(features);
    Model m = new Model(in, new Dense(1).apply(in));
    m.compile(CompileOptions.of("sgd", "mse"));
    return m;
  }

  @Test
  void checkFiniteScansTheDataWithoutCopyingIt() {
    Tensor x = counting(2000, 1000); // 8 MB
    x.floatData()[1999 * 1000 + 7] = Float.NEGATIVE_INFINITY;
    Model m = regression(1000);
    Tensor y = Tensor.zeros(2000, 1);
    FitOptions checked = FitOptions.defaults().verbose(0).checkFinite(true);
    assertThrows(JKerasException.class, () -> m.fit(x, y, checked)); // warm: class loading
    long bytes = allocatedBy(() -> assertEquals("fit: x[0] contains -Infinity at sample 1999"
        + " (shape (2000, 1000)); checkFinite refuses NaN and infinite values. Clean or drop"
        + " that sample, or fit without FitOptions.checkFinite(true).",
        assertThrows(JKerasException.class, () -> m.fit(x, y,
            FitOptions.defaults().verbose(0).checkFinite(true))).getMessage()));
    assertTrue(bytes < 1_000_000, "checkFinite over 8 MB of data allocated " + bytes + " bytes");
  }

  @Test
  void validationSplitReadsTheArraysInPlace() {
    Tensor x = counting(2000, 1000); // 8 MB
    Tensor y = Tensor.zeros(2000, 1);
    Model m = regression(1000);
    FitOptions options = FitOptions.epochs(1).batchSize(500).verbose(0).validationSplit(0.25);
    m.fit(x, y, options); // warm: layer building, class loading
    long bytes = allocatedBy(() -> m.fit(x, y, options));
    // Batches are views and the steps' arrays are small; copying the two parts would
    // add their 8 MB.
    assertTrue(bytes < 7_000_000, "fit with a validation split of 8 MB of data allocated "
        + bytes + " bytes");
  }

  @Test
  void predictHoldsTheOutputOnceNotTwice() {
    KerasTensor in = Keras.input(1000);
    Model passThrough = new Model(in, new Reshape(10, 100).apply(in));
    Tensor x = counting(2003, 1000); // 8 MB; batches of 64 leave a last batch of 19 rows
    Supplier<List<Tensor>> run = () -> passThrough.predict(List.of(x), 64);
    run.get(); // warm: layer building, class loading
    List<Tensor>[] out = new List[1];
    long bytes = allocatedBy(() -> out[0] = run.get());
    long outputBytes = 4L * x.size();
    assertTrue(bytes < outputBytes * 5 / 4, "predict of an 8 MB output allocated " + bytes
        + " bytes");
    assertEquals(Shape.of(2003, 10, 100), out[0].get(0).shape());
    assertArrayEquals(x.toFloatArray(), out[0].get(0).toFloatArray());
  }

  @Test
  void predictJoinsEveryOutputInSampleOrder() {
    KerasTensor in = Keras.input(3);
    Dense dense = new Dense(2);
    Model twoOutputs = new Model(List.of(in), List.of(dense.apply(in), new Reshape(3, 1)
        .apply(in)));
    Tensor x = counting(11, 3);
    List<Tensor> batched = twoOutputs.predict(List.of(x), 4);
    List<Tensor> whole = twoOutputs.predict(List.of(x), 11);
    assertEquals(Shape.of(11, 2), batched.get(0).shape());
    assertArrayEquals(whole.get(0).toFloatArray(), batched.get(0).toFloatArray(), 1e-6f);
    assertEquals(Shape.of(11, 3, 1), batched.get(1).shape());
    assertArrayEquals(x.toFloatArray(), batched.get(1).toFloatArray());
  }
}
