package org.jkeras.reliability;

import static org.jkeras.reliability.BadInputs.failsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.History;
import org.jkeras.callbacks.TerminateOnNaN;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.models.Model;
import org.jkeras.optimizers.SGD;
import org.jkeras.trainers.FitOptions;
import org.junit.jupiter.api.Test;

/**
 * NaN and infinite values: {@code FitOptions.checkFinite(true)} refuses them before training,
 * naming the array and the first bad sample; without it, {@link TerminateOnNaN} stops training
 * once the loss is no longer finite.
 */
class NonFiniteDataTest {
  private static Model regression(Object optimizer) {
    KerasTensor in = Keras.input(Shape.of(2), "features");
    Model model = new Model(in, new Dense(1).name("out").apply(in)).name("reg");
    model.compile(optimizer, "mse", List.of());
    return model;
  }

  private static Tensor ramp(int n, int features) {
    float[] v = new float[n * features];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i % 7) - 3;
    }
    return Tensor.of(v, n, features);
  }

  private static Tensor with(Tensor t, int flat, float value) {
    float[] v = t.toFloatArray();
    v[flat] = value;
    return Tensor.of(v, t.shape().dims());
  }

  private static FitOptions checked() {
    return FitOptions.defaults().verbose(0).checkFinite(true);
  }

  @Test
  void checkFiniteNamesTheArrayAndTheFirstBadSample() {
    failsWith(JKerasException.class, "fit: x[0] contains NaN at sample 3 (shape (5, 2));"
        + " checkFinite refuses NaN and infinite values. Clean or drop that sample, or fit"
        + " without FitOptions.checkFinite(true).",
        () -> regression("sgd").fit(with(with(ramp(5, 2), 7, Float.NaN), 9, Float.NaN),
            ramp(5, 1), checked()));
    failsWith(JKerasException.class, "fit: y[0] contains Infinity at sample 1 (shape (5, 1))",
        () -> regression("sgd").fit(ramp(5, 2), with(ramp(5, 1), 1, Float.POSITIVE_INFINITY),
            checked()));
    failsWith(JKerasException.class, "fit: sample_weight contains -Infinity at sample 0",
        () -> regression("sgd").fit(ramp(3, 2), ramp(3, 1), checked()
            .sampleWeight(Tensor.of(new float[] {Float.NEGATIVE_INFINITY, 1, 1}, 3))));
    failsWith(JKerasException.class, "fit: validation y[0] contains NaN at sample 1",
        () -> regression("sgd").fit(ramp(3, 2), ramp(3, 1), checked()
            .validationData(ramp(2, 2), with(ramp(2, 1), 1, Float.NaN))));
  }

  @Test
  void checkFiniteIsOffByDefaultAsInKeras() {
    History h = regression("sgd").fit(with(ramp(4, 2), 0, Float.NaN), ramp(4, 1),
        FitOptions.defaults().verbose(0));
    assertTrue(h.get("loss").get(0).isNaN());
    History clean = regression("sgd").fit(ramp(4, 2), ramp(4, 1), checked());
    assertTrue(Double.isFinite(clean.get("loss").get(0)));
  }

  @Test
  void terminateOnNaNStopsADivergingRun() {
    Model model = regression(new SGD(1e6));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    History h = model.fit(ramp(16, 2), ramp(16, 1), FitOptions.epochs(50).batchSize(1)
        .shuffle(false).verbose(0)
        .callbacks(new TerminateOnNaN(new PrintStream(bytes, true, StandardCharsets.UTF_8))));
    String said = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(said.matches("Batch \\d+: Invalid loss, terminating training\n"), said);
    assertEquals(1, h.get("loss").size(), "stopped within the first epoch, not after 50");
    double last = h.get("loss").get(0);
    assertTrue(Double.isNaN(last) || Double.isInfinite(last), "loss " + last);
  }

  @Test
  void terminateOnNaNStopsOnNaNDataWithoutTheCheck() {
    Model model = regression("sgd");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    History h = model.fit(with(ramp(6, 2), 2 * 2, Float.NaN), ramp(6, 1), FitOptions.epochs(3)
        .batchSize(2).shuffle(false).verbose(0)
        .callbacks(new TerminateOnNaN(new PrintStream(bytes, true, StandardCharsets.UTF_8))));
    assertEquals("Batch 1: Invalid loss, terminating training\n",
        bytes.toString(StandardCharsets.UTF_8));
    assertEquals(1, h.get("loss").size());
  }
}
