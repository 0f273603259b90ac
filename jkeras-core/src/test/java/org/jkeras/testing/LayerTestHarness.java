package org.jkeras.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jkeras.Keras;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.ops.GradientTape;

/**
 * One harness for every layer, like Keras's {@code run_layer_test}: symbolic output shapes, weight
 * names and counts, config round trip, a copy made from config and weights computing the same
 * numbers, the forward pass against a reference, gradients (inputs and weights) against finite
 * differences, one training step that moves the weights, and a bad input shape's message.
 *
 * <pre>{@code
 * LayerTestHarness.of(() -> new Dense(3))
 *     .inputShapes(Shape.of(2, 4)).outputShapes(Shape.of(2, 3))
 *     .weights(2, 0, "kernel", "bias").run();
 * }</pre>
 */
public final class LayerTestHarness {
  private final Supplier<Layer> factory;
  private final List<Shape> inputShapes = new ArrayList<>();
  private final List<DType> inputTypes = new ArrayList<>();
  private List<Shape> outputShapes;
  private int trainable = -1;
  private int nonTrainable = -1;
  private String[] weightNames;
  private List<Tensor> inputs;
  private Function<Layer, List<Tensor>> reference;
  private boolean gradients = true;
  private boolean trainingStep = true;
  private boolean training;
  private boolean nestedWeights;
  private boolean fixedBatch;
  private Shape badShape;
  private String badMessage;
  private double tolerance = 1e-5;
  private int intRange = 5;
  private boolean serializable = true;
  private boolean saveLoad = true;

  private LayerTestHarness(Supplier<Layer> factory) {
    this.factory = factory;
  }

  public static LayerTestHarness of(Supplier<Layer> factory) {
    return new LayerTestHarness(factory);
  }

  /** Concrete input shapes, batch included (the symbolic call uses an unknown batch). */
  public LayerTestHarness inputShapes(Shape... shapes) {
    for (Shape s : shapes) {
      inputShapes.add(s);
      inputTypes.add(DType.FLOAT32);
    }
    return this;
  }

  /** An int32 input (indices) with values in {@code [0, range)}. */
  public LayerTestHarness intInput(Shape shape, int range) {
    inputShapes.add(shape);
    inputTypes.add(DType.INT32);
    intRange = range;
    return this;
  }

  /** Expected concrete output shapes for the concrete inputs. */
  public LayerTestHarness outputShapes(Shape... shapes) {
    outputShapes = List.of(shapes);
    return this;
  }

  /** Expected trainable and non-trainable weight counts and the weights' short names in order. */
  public LayerTestHarness weights(int trainableCount, int nonTrainableCount, String... names) {
    trainable = trainableCount;
    nonTrainable = nonTrainableCount;
    weightNames = names;
    return this;
  }

  /** Fixed inputs instead of seeded random ones. */
  public LayerTestHarness inputs(Tensor... values) {
    inputs = List.of(values);
    return this;
  }

  /** The expected outputs, computed independently from the built layer (its weights). */
  public LayerTestHarness reference(Function<Layer, List<Tensor>> expected) {
    reference = expected;
    return this;
  }

  /** Layers with a non-differentiable or random forward (argmax, dropout) skip gradient checks. */
  public LayerTestHarness noGradientCheck() {
    gradients = false;
    return this;
  }

  /** Layers without trainable weights have no training step to check. */
  public LayerTestHarness noTrainingStep() {
    trainingStep = false;
    return this;
  }

  /** Run the forward, reference and gradient checks in training mode. */
  public LayerTestHarness training() {
    training = true;
    return this;
  }

  /** A wrapper whose weights belong to the layer it wraps (their paths start with its name). */
  public LayerTestHarness nestedWeights() {
    nestedWeights = true;
    return this;
  }

  /** The symbolic call keeps the inputs' batch size (stateful recurrent layers need one). */
  public LayerTestHarness fixedBatch() {
    fixedBatch = true;
    return this;
  }

  /** Skips the .keras save-and-load step (for layers whose calls change their own state). */
  public LayerTestHarness noSaveLoad() {
    saveLoad = false;
    return this;
  }

  /** A layer that cannot be rebuilt from its config (a Lambda): skips the config round trip. */
  public LayerTestHarness notSerializable() {
    serializable = false;
    return this;
  }

  public LayerTestHarness tolerance(double value) {
    tolerance = value;
    return this;
  }

  /** A symbolic input shape (no batch) the layer must refuse, and a fragment of the message. */
  public LayerTestHarness rejects(Shape sampleShape, String messageFragment) {
    badShape = sampleShape;
    badMessage = messageFragment;
    return this;
  }

  public void run() {
    Layer layer = factory.get();
    String cls = layer.getClass().getSimpleName();
    // 1. Symbolic call: output shapes with an unknown batch.
    List<KerasTensor> symbolic = new ArrayList<>();
    for (int i = 0; i < inputShapes.size(); i++) {
      int[] d = inputShapes.get(i).dims();
      symbolic.add(Keras.input(Shape.of(Arrays.copyOfRange(d, 1, d.length)), null,
          inputTypes.get(i), fixedBatch ? d[0] : null));
    }
    List<KerasTensor> outs = layer.applyOutputs(symbolic);
    if (outputShapes != null) {
      assertEquals(outputShapes.size(), outs.size(), cls + ": output count");
      for (int i = 0; i < outs.size(); i++) {
        Shape expected = fixedBatch ? outputShapes.get(i)
            : outputShapes.get(i).withDim(0, Shape.UNKNOWN);
        assertEquals(expected, outs.get(i).shape(),
            cls + ": symbolic output shape " + i);
      }
    }
    // 2. Weights.
    if (trainable >= 0) {
      assertEquals(trainable, layer.trainableWeights().size(), cls + ": trainable weights");
      assertEquals(nonTrainable, layer.nonTrainableWeights().size(), cls + ": other weights");
      List<String> names = layer.weights().stream()
          .map(v -> v.name().substring(v.name().lastIndexOf('/') + 1)).toList();
      assertEquals(List.of(weightNames), names, cls + ": weight names");
      for (Variable v : nestedWeights ? List.<Variable>of() : layer.weights()) {
        assertTrue(v.name().startsWith(layer.name() + "/"), cls + ": weight path " + v.name());
      }
    }
    // 3. Config round trip.
    Layer copy = null;
    if (serializable) {
      String className = LayerRegistry.serialize(layer).get("class_name").toString();
      copy = LayerRegistry.fromConfig(className, layer.getConfig());
      assertEquals(layer.getConfig(), copy.getConfig(), cls + ": config round trip");
    }
    // 4. Eager forward, and the same numbers from a copy built from config and weights.
    List<Tensor> xs = inputs != null ? inputs : randomInputs();
    CallContext ctx = CallContext.of(training);
    List<Tensor> ys = layer.applyEager(xs, ctx);
    if (outputShapes != null) {
      for (int i = 0; i < ys.size(); i++) {
        assertEquals(outputShapes.get(i), ys.get(i).shape(), cls + ": eager output shape " + i);
      }
    }
    if (!training && copy != null) {
      copy.buildFor(xs.stream().map(Tensor::shape).toList());
      copy.setWeights(layer.getWeights());
      List<Tensor> again = copy.applyEager(xs, ctx);
      for (int i = 0; i < ys.size(); i++) {
        assertArrayEquals(ys.get(i).toFloatArray(), again.get(i).toFloatArray(),
            cls + ": a copy from config and weights computes the same");
      }
    }
    if (reference != null) {
      List<Tensor> expected = reference.apply(layer);
      for (int i = 0; i < expected.size(); i++) {
        TensorAssert.assertClose(toDoubles(expected.get(i)), expected.get(i).shape(), ys.get(i),
            tolerance);
      }
    }
    // 5. Gradients w.r.t. float inputs and every trainable weight.
    if (gradients) {
      List<Tensor> floatInputs = new ArrayList<>();
      for (Tensor x : xs) {
        floatInputs.add(x);
      }
      GradientCheck.standard().check(
          args -> sumOutputs(layer.applyEager(args, ctx)), floatInputs.toArray(new Tensor[0]));
      checkWeightGradients(layer, xs, ctx);
    }
    // 6. One training step moves the trainable weights and lowers a simple loss.
    if (trainingStep && !layer.trainableWeights().isEmpty()) {
      trainOneStep(layer, xs);
    }
    // 7. Saved in a model as a .keras file and loaded back: the same config and, in inference,
    // bit-identical outputs.
    if (serializable && saveLoad) {
      checkSaveAndLoad(layer, xs);
    }
    // 8. A bad input shape.
    if (badShape != null) {
      var e = assertThrows(JKerasException.class, () -> factory.get().apply(Keras.input(
          badShape.dims())));
      assertTrue(e.getMessage().contains(badMessage), cls + ": message was: " + e.getMessage());
    }
  }

  private List<Tensor> randomInputs() {
    List<Tensor> xs = new ArrayList<>();
    for (int i = 0; i < inputShapes.size(); i++) {
      Shape s = inputShapes.get(i);
      if (inputTypes.get(i) == DType.INT32) {
        int[] v = new int[s.sizeAsInt()];
        for (int k = 0; k < v.length; k++) {
          v[k] = (k * 7 + 3) % intRange;
        }
        xs.add(Tensor.wrapInts(v, s));
      } else {
        xs.add(Tensor.randomUniform(s, -1f, 1f, 100 + i));
      }
    }
    return xs;
  }

  private static Tensor sumOutputs(List<Tensor> ys) {
    Tensor total = null;
    for (Tensor y : ys) {
      Tensor flat = org.jkeras.ops.ArrayOps.reshape(y, -1);
      total = total == null ? flat : org.jkeras.ops.ConcatOps.concatenate(List.of(total, flat), 0);
    }
    return total;
  }

  private static double weightedLoss(Layer layer, List<Tensor> xs, CallContext ctx, float[] w) {
    float[] y = sumOutputs(layer.applyEager(xs, ctx)).toFloatArray();
    double s = 0;
    for (int k = 0; k < y.length; k++) {
      s += (double) w[k] * y[k];
    }
    return s;
  }

  private static void checkWeightGradients(Layer layer, List<Tensor> xs, CallContext ctx) {
    Tensor y0 = sumOutputs(layer.applyEager(xs, ctx));
    Tensor w = Tensor.randomUniform(y0.shape(), -1f, 1f, 77);
    List<Variable> vars = layer.trainableWeights();
    List<Tensor> analytic;
    try (GradientTape tape = new GradientTape()) {
      analytic = tape.gradient(sumOutputs(layer.applyEager(xs, ctx)), vars, w);
    }
    float[] wv = w.toFloatArray();
    for (int v = 0; v < vars.size(); v++) {
      float[] data = vars.get(v).floatData();
      float[] g = analytic.get(v).toFloatArray();
      for (int j = 0; j < data.length; j++) {
        float old = data[j];
        data[j] = old + 1e-3f;
        double plus = weightedLoss(layer, xs, ctx, wv);
        float up = data[j];
        data[j] = old - 1e-3f;
        double minus = weightedLoss(layer, xs, ctx, wv);
        float down = data[j];
        data[j] = old;
        double numeric = (plus - minus) / ((double) up - down);
        if (Math.abs(g[j] - numeric) > 1e-2 * (1 + Math.abs(numeric))) {
          fail(layer.getClass().getSimpleName() + ": gradient of weight " + vars.get(v).name()
              + "[" + j + "]: analytic " + g[j] + ", numeric " + numeric);
        }
      }
    }
  }

  private static void trainOneStep(Layer layer, List<Tensor> xs) {
    CallContext ctx = CallContext.TRAINING;
    List<Variable> vars = layer.trainableWeights();
    List<float[]> before = vars.stream().map(Tensor::toFloatArray).toList();
    double lossBefore;
    try (GradientTape tape = new GradientTape()) {
      Tensor y = sumOutputs(layer.applyEager(xs, ctx));
      Tensor loss = org.jkeras.ops.ReductionOps.mean(org.jkeras.ops.MathOps.square(y));
      lossBefore = loss.item();
      List<Tensor> grads = tape.gradient(loss, vars);
      for (int i = 0; i < vars.size(); i++) {
        vars.get(i).assign(org.jkeras.ops.MathOps.subtract(vars.get(i),
            org.jkeras.ops.MathOps.multiply(grads.get(i), 1e-2f)));
      }
    }
    boolean moved = false;
    for (int i = 0; i < vars.size(); i++) {
      moved |= !Arrays.equals(before.get(i), vars.get(i).toFloatArray());
    }
    assertTrue(moved, layer.getClass().getSimpleName() + ": a training step moved no weight");
    Tensor y = sumOutputs(layer.applyEager(xs, CallContext.TRAINING));
    double lossAfter = org.jkeras.ops.ReductionOps.mean(org.jkeras.ops.MathOps.square(y)).item();
    assertFalse(lossAfter > lossBefore + 1e-6, layer.getClass().getSimpleName()
        + ": a small gradient step raised the loss from " + lossBefore + " to " + lossAfter);
  }

  private static double[] toDoubles(Tensor t) {
    double[] d = new double[t.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = t.getFlat(i);
    }
    return d;
  }

  private void checkSaveAndLoad(Layer layer, List<Tensor> xs) {
    String cls = layer.getClass().getSimpleName();
    List<KerasTensor> ins = new ArrayList<>();
    for (int i = 0; i < inputShapes.size(); i++) {
      int[] d = inputShapes.get(i).dims();
      ins.add(Keras.input(Shape.of(Arrays.copyOfRange(d, 1, d.length)), null,
          inputTypes.get(i), fixedBatch ? d[0] : null));
    }
    org.jkeras.models.Model model = new org.jkeras.models.Model(ins, layer.applyOutputs(ins));
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jkeras-harness");
      java.nio.file.Path file = dir.resolve("layer.keras");
      model.save(file);
      org.jkeras.models.Model loaded = Keras.loadModel(file);
      List<Tensor> expected = model.applyEager(xs, CallContext.INFERENCE);
      List<Tensor> got = loaded.applyEager(xs, CallContext.INFERENCE);
      for (int i = 0; i < expected.size(); i++) {
        assertArrayEquals(expected.get(i).toFloatArray(), got.get(i).toFloatArray(),
            cls + ": a saved and loaded model computes the same, bit for bit");
      }
      Layer reloaded = loaded.getLayer(layer.name());
      assertEquals(layer.getConfig(), reloaded.getConfig(), cls + ": config after loading");
      java.nio.file.Files.deleteIfExists(file);
      java.nio.file.Files.deleteIfExists(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
