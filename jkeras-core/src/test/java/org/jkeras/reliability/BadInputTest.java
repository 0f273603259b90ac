package org.jkeras.reliability;

import static org.jkeras.reliability.BadInputs.fails;
import static org.jkeras.reliability.BadInputs.failsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.core.Embedding;
import org.jkeras.layers.merging.Add;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.models.Model;
import org.jkeras.trainers.FitOptions;
import org.junit.jupiter.api.Test;

/**
 * Every row of docs/errors.md about data: wrong shapes, ranks, dtypes, counts, empty data, bad
 * labels and missing arrays for {@code apply}, {@code fit}, {@code evaluate} and {@code predict}
 * fail with a jkeras exception that names the array, the shapes and the fix.
 */
class BadInputTest {
  private static final FitOptions QUIET = FitOptions.defaults().verbose(0);

  /** Dense(3) on 4 features, named so messages are stable. */
  static Model dense4(String loss) {
    KerasTensor in = Keras.input(Shape.of(4), "features");
    Model model = new Model(in, new Dense(3).name("out").apply(in)).name("m");
    model.compile("sgd", loss, List.of());
    return model;
  }

  static Model classifier(int classes) {
    KerasTensor in = Keras.input(Shape.of(4), "features");
    Model model = new Model(in, new Dense(classes).activation("softmax").name("probs")
        .apply(in)).name("clf");
    model.compile("sgd", "sparse_categorical_crossentropy", List.of("accuracy"));
    return model;
  }

  private static Tensor labels(float... values) {
    return Tensor.of(values, values.length);
  }

  // ---- shapes and ranks ------------------------------------------------------------------------

  @Test
  void predictWithTheWrongFeatureCount() {
    failsWith(IncompatibleShapesException.class, "predict: input 0 ('features') of model 'm'"
        + " expects shape (None, 4) but the data x[0] has shape (10, 5). Give data whose samples"
        + " have shape (4,), or build the model for (5,).",
        () -> dense4("mse").predict(Tensor.zeros(10, 5)));
  }

  @Test
  void fitAndEvaluateWithTheWrongRank() {
    failsWith(IncompatibleShapesException.class, "fit: input 0 ('features') of model 'm'"
        + " expects shape (None, 4) but the data x[0] has shape (10, 4, 1). Give data whose"
        + " samples have shape (4,), or build the model for (4, 1).",
        () -> dense4("mse").fit(Tensor.zeros(10, 4, 1), Tensor.zeros(10, 3), QUIET));
    failsWith(IncompatibleShapesException.class, "evaluate: input 0 ('features') of model 'm'"
        + " expects shape (None, 4) but the data x[0] has shape (10,).",
        () -> dense4("mse").evaluate(Tensor.zeros(10), Tensor.zeros(10, 3)));
  }

  @Test
  void validationDataIsCheckedBeforeTraining() {
    failsWith(IncompatibleShapesException.class, "fit (validation_data): input 0 ('features')"
        + " of model 'm' expects shape (None, 4) but the data x[0] has shape (2, 5).",
        () -> dense4("mse").fit(Tensor.zeros(2, 4), Tensor.zeros(2, 3),
            FitOptions.defaults().verbose(0).validationData(Tensor.zeros(2, 5),
                Tensor.zeros(2, 3))));
    failsWith(JKerasException.class, "fit (validation_data): Data cardinality is ambiguous:"
        + " make sure all arrays contain the same number of samples. Received: x[0] (2, 4),"
        + " y[0] (3, 3).",
        () -> dense4("mse").fit(Tensor.zeros(2, 4), Tensor.zeros(2, 3),
            FitOptions.defaults().verbose(0).validationData(Tensor.zeros(2, 4),
                Tensor.zeros(3, 3))));
  }

  @Test
  void targetsThatDoNotFitTheOutput() {
    failsWith(IncompatibleShapesException.class, "fit: target y[0] of shape (10, 2) does not"
        + " fit output 'out' of shape (None, 3) for loss 'mean_squared_error' (tried on the"
        + " first sample: subtract: incompatible shapes (1, 2) and (1, 3)",
        () -> dense4("mse").fit(Tensor.zeros(10, 4), Tensor.zeros(10, 2), QUIET));
    failsWith(IncompatibleShapesException.class, "). Give targets shaped like the output.",
        () -> dense4("mse").evaluate(Tensor.zeros(10, 4), Tensor.zeros(10, 2)));
    failsWith(IncompatibleShapesException.class, "evaluate: target y[0] of shape (2,) does not"
        + " fit output 'out' of shape (None, 3) for loss 'categorical_crossentropy'",
        () -> dense4("categorical_crossentropy").evaluate(Tensor.zeros(2, 4), labels(1, 0)));
    failsWith(IncompatibleShapesException.class, "Give targets shaped like the output without"
        + " its class axis (class indices).",
        () -> classifier(3).evaluate(Tensor.zeros(2, 4), Tensor.zeros(2, 3)));
  }

  @Test
  void oneBatchCallsNameTheOutputWhenTheLossCannotCompare() {
    failsWith(IncompatibleShapesException.class, "The loss 'mean_squared_error' of output 'out'"
        + " cannot compare the targets y[0] of shape (2, 2) with the predictions of shape (2, 3):",
        () -> dense4("mse").trainOnBatch(Tensor.zeros(2, 4), Tensor.zeros(2, 2)));
    failsWith(IncompatibleShapesException.class, "and sample_weight of shape (2, 5): multiply:",
        () -> dense4("mse").fit(Tensor.zeros(2, 4), Tensor.zeros(2, 3),
            FitOptions.defaults().verbose(0).sampleWeight(Tensor.zeros(2, 5))));
  }

  @Test
  void layersCalledOnTheWrongShapes() {
    failsWith(JKerasException.class, "Input 0 of layer \"conv\" is incompatible with the layer:"
        + " expected min_ndim=4, found ndim=2. Full shape received: (None, 4)",
        () -> new Conv2D(3, 3).name("conv").apply(Keras.input(4)));
    failsWith(JKerasException.class, "Input 0 of layer \"conv\" is incompatible with the layer:"
        + " expected min_ndim=4, found ndim=2. Full shape received: (2, 4)",
        () -> new Conv2D(3, 3).name("conv").apply(Tensor.zeros(2, 4)));
    failsWith(JKerasException.class, "Input 0 of layer \"lstm\" is incompatible with the layer:"
        + " expected ndim=3, found ndim=2. Full shape received: (2, 4)",
        () -> new LSTM(3).name("lstm").apply(Tensor.zeros(2, 4)));
    Dense built = new Dense(3).name("d");
    built.apply(Keras.input(4));
    failsWith(JKerasException.class, "Input 0 of layer \"d\" is incompatible with the layer:"
        + " expected axis -1 of input shape to have value 4, but received input with shape"
        + " (2, 5)", () -> built.apply(Tensor.zeros(2, 5)));
    failsWith(JKerasException.class, "Inputs have incompatible shapes. Received shapes (3,) and"
        + " (4,)", () -> new Add().applyEager(List.of(Tensor.zeros(2, 3), Tensor.zeros(2, 4)),
            CallContext.INFERENCE));
    failsWith(JKerasException.class, "Layer 'conv': the window (size 3, dilation 1) does not"
        + " fit the input (None, 2, 2, 1) on spatial axis 0 with padding 'valid', so the output"
        + " would be empty. Use padding \"same\", a smaller window or a larger input.",
        () -> new Conv2D(3, 3).name("conv").apply(Keras.input(2, 2, 1)));
    failsWith(JKerasException.class, "Layer 'pool': the pool (size 3) does not fit the input"
        + " (None, 2, 2, 1) on spatial axis 0 with padding 'valid', so the output would be"
        + " empty.", () -> new org.jkeras.layers.pooling.MaxPooling2D(3, 3).name("pool")
            .apply(Keras.input(2, 2, 1)));
    failsWith(JKerasException.class, "conv2d: the window (size 3, dilation 1) is larger than the"
        + " input (1, 2, 2, 1) on spatial axis 0",
        () -> new Conv2D(3, 3).apply(Tensor.zeros(1, 2, 2, 1)));
  }

  @Test
  void modelsCalledOnTheWrongShapesOrCounts() {
    failsWith(JKerasException.class, "Input 0 of layer \"m\" is incompatible with the layer:"
        + " expected shape=(None, 4), found shape=(None, 5)",
        () -> dense4("mse").apply(Keras.input(5)));
    failsWith(JKerasException.class, "Input 0 of layer \"m\" is incompatible with the layer:"
        + " expected shape=(None, 4), found shape=(2, 5)",
        () -> dense4("mse").predictOnBatch(Tensor.zeros(2, 5)));
    failsWith(JKerasException.class, "Layer 'm' expects 1 input but was called with 2.",
        () -> dense4("mse").applyEager(List.of(Tensor.zeros(2, 4), Tensor.zeros(2, 4)),
            CallContext.INFERENCE));
    failsWith(JKerasException.class, "The model has 1 inputs [features] but 2 arrays were"
        + " given.", () -> dense4("mse").predict(List.of(Tensor.zeros(2, 4), Tensor.zeros(2, 4))));
    failsWith(JKerasException.class, "Layer 'd' was called with a null input.",
        () -> new Dense(2).name("d").apply((Tensor) null));
    failsWith(JKerasException.class, "Layer 'd' was called with a null input.",
        () -> new Dense(2).name("d").apply((KerasTensor) null));
  }

  // ---- dtypes ----------------------------------------------------------------------------------

  @Test
  void intAndBoolDataIsCastToTheInputDTypeAsKerasDoes() {
    Model model = dense4("mse");
    Tensor floats = Tensor.of(new float[] {1, 0, 2, 1, 0, 1, 1, 3}, 2, 4);
    Tensor ints = Tensor.ofInts(new int[] {1, 0, 2, 1, 0, 1, 1, 3}, 2, 4);
    assertEquals(model.predict(floats).get(0).shape(), model.predict(ints).get(0).shape());
    assertArrayEquals(model.predict(floats).get(0).toFloatArray(),
        model.predict(ints).get(0).toFloatArray());
    boolean[] bits = {true, false, true, true, false, false, true, false};
    float[] asFloats = {1, 0, 1, 1, 0, 0, 1, 0};
    assertArrayEquals(model.predict(Tensor.of(asFloats, 2, 4)).get(0).toFloatArray(),
        model.predict(Tensor.ofBools(bits, 2, 4)).get(0).toFloatArray());
    model.fit(ints, Tensor.ofInts(new int[6], 2, 3), QUIET);
  }

  @Test
  void embeddingIndicesOutOfRangeNameTheLayer() {
    failsWith(JKerasException.class, "Embedding 'emb': index 7 in the input of shape (1, 2) is"
        + " out of range for input_dim=5; indices must be in [0, 5). Fix the data or raise"
        + " input_dim.", () -> new Embedding(5, 2).name("emb")
            .apply(Tensor.ofInts(new int[] {1, 7}, 1, 2)));
    failsWith(JKerasException.class, "Embedding 'emb': index -1 in the input of shape (1, 2)",
        () -> new Embedding(5, 2).name("emb").apply(Tensor.ofInts(new int[] {1, -1}, 1, 2)));
  }

  // ---- counts, empty and missing data ----------------------------------------------------------

  @Test
  void differentSampleCountsNameEveryArray() {
    failsWith(JKerasException.class, "Data cardinality is ambiguous: make sure all arrays"
        + " contain the same number of samples. Received: x[0] (10, 4), y[0] (9, 3).",
        () -> dense4("mse").fit(Tensor.zeros(10, 4), Tensor.zeros(9, 3), QUIET));
    failsWith(JKerasException.class, "Received: x[0] (2, 4), y[0] (3, 3).",
        () -> dense4("mse").trainOnBatch(Tensor.zeros(2, 4), Tensor.zeros(3, 3)));
    failsWith(JKerasException.class, "Received: x[0] (2, 4), y[0] (2, 3), sample_weight (3,).",
        () -> dense4("mse").fit(Tensor.zeros(2, 4), Tensor.zeros(2, 3),
            FitOptions.defaults().verbose(0).sampleWeight(Tensor.zeros(3))));
  }

  @Test
  void emptyDataIsRefusedEverywhere() {
    String message = "The data is empty: got 0 samples (x[0] (0, 4), y[0] (0, 3)).";
    failsWith(JKerasException.class, message,
        () -> dense4("mse").fit(Tensor.zeros(0, 4), Tensor.zeros(0, 3), QUIET));
    failsWith(JKerasException.class, message,
        () -> dense4("mse").evaluate(Tensor.zeros(0, 4), Tensor.zeros(0, 3)));
    failsWith(JKerasException.class, "The data is empty: got 0 samples (x[0] (0, 4)).",
        () -> dense4("mse").predict(Tensor.zeros(0, 4)));
  }

  @Test
  void missingArraysAndBadBatchSizes() {
    failsWith(JKerasException.class, "fit: no input data (x) was given. Pass a Tensor, a"
        + " List<Tensor> in input order or a Map<String, Tensor> by input name [features].",
        () -> dense4("mse").fit(null, Tensor.zeros(2, 3), QUIET));
    failsWith(JKerasException.class, "predict: no input data (x) was given.",
        () -> dense4("mse").predict(null));
    failsWith(JKerasException.class, "fit: model 'm' has 1 output(s) [out] but no target"
        + " array(s) were given. Pass one target array per output.",
        () -> dense4("mse").fit(Tensor.zeros(2, 4), null, QUIET));
    failsWith(JKerasException.class, "fit: the options are null; pass FitOptions.defaults() or"
        + " FitOptions.epochs(n).", () -> dense4("mse").fit(Tensor.zeros(2, 4),
            Tensor.zeros(2, 3), null));
    failsWith(JKerasException.class, "batch_size must be a positive integer, got 0.",
        () -> dense4("mse").predict(Tensor.zeros(2, 4), 0));
    failsWith(JKerasException.class, "batch_size must be a positive integer, got 0.",
        () -> dense4("mse").evaluate(Tensor.zeros(2, 4), Tensor.zeros(2, 3), 0, 0));
    failsWith(JKerasException.class, "steps_per_epoch must be a positive integer, got 0.",
        () -> FitOptions.defaults().stepsPerEpoch(0));
    failsWith(JKerasException.class, "validation_freq must be a positive integer, got 0.",
        () -> FitOptions.defaults().validationFreq(0));
    failsWith(JKerasException.class, "initial_epoch must be 0 or more, got -1.",
        () -> FitOptions.defaults().initialEpoch(-1));
    failsWith(JKerasException.class, "Unsupported data for the model's inputs: float[]. Pass a"
        + " Tensor, a List<Tensor> or a Map<String, Tensor>.",
        () -> dense4("mse").fit(new float[3], Tensor.zeros(2, 3), QUIET));
  }

  // ---- labels ----------------------------------------------------------------------------------

  @Test
  void sparseLabelsOutOfRangeAreFoundBeforeTraining() {
    failsWith(JKerasException.class, "fit: target y[0] for output 'probs' has label 7 at sample"
        + " 2, out of range for 5 classes: sparse_categorical_crossentropy needs integer labels"
        + " in [0, 5). Fix the labels or give the output 8 or more units.",
        () -> classifier(5).fit(Tensor.zeros(3, 4), labels(0, 4, 7), QUIET));
    failsWith(JKerasException.class, "evaluate: target y[0] for output 'probs' has label -1 at"
        + " sample 1, out of range for 5 classes: sparse_categorical_crossentropy needs integer"
        + " labels in [0, 5). Fix the labels.",
        () -> classifier(5).evaluate(Tensor.zeros(2, 4), labels(1, -1)));
    failsWith(JKerasException.class, "has label 5 at sample 0",
        () -> classifier(5).fit(Tensor.zeros(2, 4), Tensor.of(new float[] {5, 0}, 2, 1), QUIET));
    failsWith(JKerasException.class, "sparse_categorical_crossentropy: label 7 (at flat"
        + " position 0) is out of range for 5 classes; labels must be integers in [0, 5).",
        () -> new org.jkeras.losses.SparseCategoricalCrossentropy().call(labels(7, 1),
            Tensor.zeros(2, 5)));
  }

  @Test
  void fractionalSparseLabelsAreTruncatedAsKerasCastsThem() {
    Model model = classifier(3);
    double truncated = model.evaluate(Tensor.zeros(2, 4), labels(1.7f, 2.2f)).get("loss");
    double exact = model.evaluate(Tensor.zeros(2, 4), labels(1, 2)).get("loss");
    assertEquals(exact, truncated, 0.0);
  }

  // ---- nothing escapes -------------------------------------------------------------------------

  @Test
  void noBadInputEscapesAsAJavaRuntimeException() {
    List<Runnable> calls = List.of(
        () -> dense4("mse").predict(Tensor.zeros(10, 5)),
        () -> dense4("mse").fit(null, null, QUIET),
        () -> dense4("mse").predict(Map.of("nope", Tensor.zeros(2, 4))),
        () -> dense4("mse").fit(java.util.Arrays.asList((Tensor) null), Tensor.zeros(2, 3), QUIET),
        () -> dense4("mse").evaluate(Tensor.zeros(2, 4), Tensor.zeros(2, 3, 7)),
        () -> dense4("mse").testOnBatch(Tensor.zeros(0, 4), Tensor.zeros(0, 3)),
        () -> classifier(2).fit(Tensor.zeros(2, 4), labels(9, 0), QUIET),
        () -> new Dense(3).apply((List<KerasTensor>) null),
        () -> new Embedding(3, 2).apply(Tensor.ofInts(new int[] {3}, 1, 1)),
        () -> new Conv2D(2, 2).apply(Tensor.zeros(2, 2)));
    for (Runnable call : calls) {
      RuntimeException e = fails(call);
      assertTrue(e instanceof JKerasException, () -> "leaked " + e);
    }
  }
}
