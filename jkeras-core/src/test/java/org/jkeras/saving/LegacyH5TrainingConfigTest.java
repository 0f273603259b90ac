package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.losses.MeanAbsoluteError;
import org.jkeras.losses.MeanSquaredError;
import org.jkeras.models.Model;
import org.jkeras.optimizers.Adam;
import org.jkeras.optimizers.Optimizer;
import org.jkeras.optimizers.RMSprop;
import org.jkeras.optimizers.schedules.InverseTimeDecay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Legacy .h5 files of compiled models: the training_config attribute as Keras 2 and Keras 3's
 * legacy writer store it, and the optimizer_weights group. Files are written here with jHDF.
 */
class LegacyH5TrainingConfigTest {
  /** Keras 2's model_config: one input (3) feeding Dense "out_a" (2) and Dense "out_b" (1). */
  private static final String TWO_OUTPUTS = """
      {"class_name": "Model", "config": {"name": "model", "layers": [
      {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 3], "dtype": "float32",
       "sparse": false, "name": "in"}, "name": "in", "inbound_nodes": []},
      {"class_name": "Dense", "config": {"name": "out_a", "trainable": true, "dtype": "float32",
       "units": 2, "activation": "linear", "use_bias": true}, "name": "out_a",
       "inbound_nodes": [[["in", 0, 0, {}]]]},
      {"class_name": "Dense", "config": {"name": "out_b", "trainable": true, "dtype": "float32",
       "units": 1, "activation": "linear", "use_bias": true}, "name": "out_b",
       "inbound_nodes": [[["in", 0, 0, {}]]]}],
      "input_layers": [["in", 0, 0]], "output_layers": [["out_a", 0, 0], ["out_b", 0, 0]]},
      "keras_version": "2.13.1", "backend": "tensorflow"}""";

  private static final float[][] KERNEL = {{0.1f, -0.2f}, {0.3f, 0.05f}, {-0.1f, 0.2f}};
  private static final float[] BIAS = {0f, 0.1f};
  private static final Tensor X = Tensor.wrap(new float[] {1, 0, -1, 0.5f, 1, 2}, Shape.of(2, 3));
  private static final Tensor Y = Tensor.wrap(new float[] {1, -1, 0, 2}, Shape.of(2, 2));

  @TempDir Path dir;

  /** Keras 2: per-output losses and metrics, MeanMetricWrapper, reduction "auto", a weights map. */
  @Test
  void keras2TrainingConfigCompilesAndTrains() {
    String training = """
        {"loss": {"out_a": "mse", "out_b": {"class_name": "MeanAbsoluteError",
          "config": {"reduction": "auto", "name": "mean_absolute_error"}}},
         "metrics": {"out_a": [{"class_name": "MeanMetricWrapper", "config": {"name": "mae",
           "dtype": "float32", "fn": "mean_absolute_error"}}], "out_b": []},
         "weighted_metrics": null, "loss_weights": {"out_a": 1.0, "out_b": 0.5},
         "optimizer_config": {"class_name": "Adam", "config": {"name": "Adam",
           "learning_rate": 0.01, "decay": 0.0, "beta_1": 0.8, "beta_2": 0.999,
           "epsilon": 1e-07, "amsgrad": false}}}""";
    Path file = write("k2.h5", TWO_OUTPUTS, training, h5 -> {
      WritableGroup w = h5.putGroup("model_weights");
      WritableGroup a = w.putGroup("out_a");
      a.putAttribute("weight_names", new String[] {"out_a/kernel:0", "out_a/bias:0"});
      WritableGroup ai = a.putGroup("out_a");
      ai.putDataset("kernel:0", KERNEL);
      ai.putDataset("bias:0", BIAS);
      WritableGroup b = w.putGroup("out_b");
      b.putAttribute("weight_names", new String[] {"out_b/kernel:0", "out_b/bias:0"});
      WritableGroup bi = b.putGroup("out_b");
      bi.putDataset("kernel:0", new float[][] {{0.2f}, {-0.1f}, {0.4f}});
      bi.putDataset("bias:0", new float[] {0.3f});
    });
    Model model = Keras.loadModel(file);
    assertTrue(model.isCompiled());
    Adam adam = assertInstanceOf(Adam.class, model.optimizer());
    assertEquals(0.01, adam.learningRate(), 1e-9);
    assertEquals(0.8, ((Number) adam.getConfig().get("beta_1")).doubleValue(), 1e-9);
    assertEquals(List.of(1.0, 0.5), model.compiled().lossWeights());
    Map<?, ?> loss = assertInstanceOf(Map.class, model.compiled().lossSpec());
    assertEquals("mse", loss.get("out_a"));
    MeanAbsoluteError mae = assertInstanceOf(MeanAbsoluteError.class, loss.get("out_b"));
    assertEquals("sum_over_batch_size", mae.reduction());

    Tensor yb = Tensor.wrap(new float[] {1, -1}, Shape.of(2, 1));
    List<Tensor> ys = List.of(Y, yb);
    Map<String, Double> before = model.testOnBatch(X, ys);
    Map<String, Double> logs = model.trainOnBatch(X, ys);
    assertTrue(logs.containsKey("out_a_mae"), logs.toString());
    double after = model.testOnBatch(X, ys).get("loss");
    assertTrue(after < before.get("loss"), before + " then " + after);
  }

  /** Keras 3's legacy writer: serialized objects, a loss weights list, the optimizer's state. */
  @Test
  void keras3TrainingConfigRestoresOptimizerState() {
    String training = """
        {"loss": {"module": "keras.losses", "class_name": "MeanSquaredError", "config": {
           "name": "mean_squared_error", "reduction": "sum_over_batch_size"},
           "registered_name": null},
         "loss_weights": [2.0],
         "metrics": ["mae", {"module": "keras.metrics", "class_name": "MeanSquaredError",
           "config": {"name": "mse", "dtype": "float32"}, "registered_name": null}],
         "weighted_metrics": null, "run_eagerly": false, "steps_per_execution": 1,
         "jit_compile": false,
         "optimizer_config": {"class_name": "Adam", "config": {"name": "adam",
           "learning_rate": 0.005, "weight_decay": null, "clipnorm": null,
           "global_clipnorm": null, "clipvalue": null, "use_ema": false, "ema_momentum": 0.99,
           "ema_overwrite_frequency": null, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07,
           "amsgrad": false}}}""";
    float[][] mK = {{0.01f, -0.02f}, {0.03f, 0f}, {-0.01f, 0.02f}};
    float[][] vK = {{0.001f, 0.002f}, {0.0005f, 0.001f}, {0.003f, 0.0001f}};
    float[] mB = {0.01f, -0.01f};
    float[] vB = {0.002f, 0.001f};
    Path file = write("k3.h5", LegacyH5Test.DENSE_MODEL, training, h5 -> {
      denseWeights(h5);
      WritableGroup opt = h5.putGroup("optimizer_weights");
      opt.putAttribute("weight_names", new String[] {"adam/iteration", "adam/learning_rate",
          "adam/dense_kernel_momentum", "adam/dense_kernel_velocity", "adam/dense_bias_momentum",
          "adam/dense_bias_velocity"});
      WritableGroup g = opt.putGroup("adam");
      g.putDataset("iteration", 7L);
      g.putDataset("learning_rate", 0.005f);
      g.putDataset("dense_kernel_momentum", mK);
      g.putDataset("dense_kernel_velocity", vK);
      g.putDataset("dense_bias_momentum", mB);
      g.putDataset("dense_bias_velocity", vB);
    });
    Model model = Keras.loadModel(file);
    assertEquals(List.of(2.0), model.compiled().lossWeights());
    assertInstanceOf(MeanSquaredError.class, model.compiled().lossSpec());
    Optimizer opt = model.optimizer();
    assertEquals(7, opt.iterations());
    assertEquals(0.005, opt.learningRate(), 1e-9);
    List<Variable> vars = opt.variables();
    assertEquals(6, vars.size());
    assertEquals(0.03f, vars.get(2).toFloatArray()[2]);
    assertEquals(0.001f, vars.get(5).toFloatArray()[1]);

    double lossBefore = model.testOnBatch(X, Y).get("loss");
    Map<String, Double> logs = model.trainOnBatch(X, Y);
    assertEquals(List.of("loss", "mae", "mse"), List.copyOf(logs.keySet()));
    assertTrue(model.testOnBatch(X, Y).get("loss") < lossBefore);
    assertEquals(8, opt.iterations());
    // One Adam step from the restored moments at step 8, in float64 (loss = 2 * mse).
    double[][] grad = new double[4][2];
    float[] x = X.toFloatArray();
    float[] y = Y.toFloatArray();
    for (int n = 0; n < 2; n++) {
      for (int j = 0; j < 2; j++) {
        double p = BIAS[j];
        for (int i = 0; i < 3; i++) {
          p += x[n * 3 + i] * KERNEL[i][j];
        }
        double dp = 2.0 * 2 * (p - y[n * 2 + j]) / 4;
        for (int i = 0; i < 3; i++) {
          grad[i][j] += x[n * 3 + i] * dp;
        }
        grad[3][j] += dp;
      }
    }
    double alpha = 0.005 * Math.sqrt(1 - Math.pow(0.999, 8)) / (1 - Math.pow(0.9, 8));
    float[] kernel = model.layers().get(1).weights().get(0).toFloatArray();
    float[] bias = model.layers().get(1).weights().get(1).toFloatArray();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 2; j++) {
        double m = i < 3 ? mK[i][j] : mB[j];
        double v = i < 3 ? vK[i][j] : vB[j];
        double g = grad[i][j];
        m += (g - m) * 0.1;
        v += (g * g - v) * 0.001;
        double w0 = i < 3 ? KERNEL[i][j] : BIAS[j];
        double expected = w0 - alpha * m / (Math.sqrt(v) + 1e-7);
        assertEquals(expected, i < 3 ? kernel[i * 2 + j] : bias[j], 1e-6, "weight " + i + j);
      }
    }
  }

  /** Keras 2's optimizer spellings: lr, a nonzero decay (a schedule), jit_compile, acc. */
  @Test
  void keras2OptimizerSpellingsMap() {
    String training = """
        {"loss": "mean_squared_error", "metrics": ["acc"], "weighted_metrics": [],
         "loss_weights": null, "optimizer_config": {"class_name": "RMSprop", "config": {
           "name": "RMSprop", "lr": 0.01, "decay": 0.1, "rho": 0.9, "momentum": 0.0,
           "epsilon": 1e-07, "centered": false, "jit_compile": true,
           "is_legacy_optimizer": false}}}""";
    Model model = Keras.loadModel(write("rms.h5", LegacyH5Test.DENSE_MODEL, training,
        LegacyH5TrainingConfigTest::denseWeights));
    RMSprop rms = assertInstanceOf(RMSprop.class, model.optimizer());
    InverseTimeDecay decay = assertInstanceOf(InverseTimeDecay.class, rms.learningRateSchedule());
    assertEquals(0.01, decay.value(0), 1e-12);
    assertEquals(0.01 / (1 + 0.1 * 10), decay.value(10), 1e-12);
    assertEquals(List.of("loss", "acc"), List.copyOf(model.trainOnBatch(X, Y).keySet()));
  }

  @Test
  void compileFalseAndNoTrainingConfigLoadUncompiled() {
    Path withConfig = write("c.h5", LegacyH5Test.DENSE_MODEL, """
        {"loss": "mse", "optimizer_config": {"class_name": "SGD", "config": {}}}""",
        LegacyH5TrainingConfigTest::denseWeights);
    assertFalse(Keras.loadModel(withConfig, false).isCompiled());
    assertTrue(Keras.loadModel(withConfig).isCompiled());
    Path without = write("n.h5", LegacyH5Test.DENSE_MODEL, null,
        LegacyH5TrainingConfigTest::denseWeights);
    assertFalse(Keras.loadModel(without).isCompiled());
  }

  /** Keras 2 optimizers keep iter + m's + v's: not jkeras's layout, so training starts fresh. */
  @Test
  void mismatchedOptimizerWeightsAreReportedAndSkipped() {
    Path file = write("k2opt.h5", LegacyH5Test.DENSE_MODEL, """
        {"loss": "mse", "metrics": null, "loss_weights": null, "optimizer_config": {
          "class_name": "Adam", "config": {"name": "Adam", "learning_rate": 0.001}}}""", h5 -> {
          denseWeights(h5);
          WritableGroup opt = h5.putGroup("optimizer_weights");
          opt.putAttribute("weight_names", new String[] {"Adam/iter:0", "Adam/dense/kernel/m:0",
              "Adam/dense/bias/m:0", "Adam/dense/kernel/v:0", "Adam/dense/bias/v:0"});
          WritableGroup adam = opt.putGroup("Adam");
          adam.putDataset("iter:0", 5L);
          WritableGroup dense = adam.putGroup("dense");
          WritableGroup kernel = dense.putGroup("kernel");
          kernel.putDataset("m:0", KERNEL);
          kernel.putDataset("v:0", KERNEL);
          WritableGroup bias = dense.putGroup("bias");
          bias.putDataset("m:0", BIAS);
          bias.putDataset("v:0", BIAS);
        });
    List<String> warnings = new ArrayList<>();
    Logger jul = Logger.getLogger(LegacyH5.class.getName());
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        warnings.add(r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    jul.addHandler(handler);
    jul.setUseParentHandlers(false);
    Model model;
    try {
      model = Keras.loadModel(file);
    } finally {
      jul.removeHandler(handler);
      jul.setUseParentHandlers(true);
    }
    assertEquals(List.of(file + ": the optimizer state in optimizer_weights was not restored:"
        + " the file has 5 optimizer weights but the Adam optimizer has 6 variables. The model"
        + " is compiled and its weights are loaded; training starts with a fresh optimizer"
        + " (iteration 0, zero slots)."), warnings);
    assertEquals(0, model.optimizer().iterations());
    assertNotNull(model.trainOnBatch(X, Y).get("loss"));
  }

  @Test
  void unknownOptimizerNamesTheKeyAndTheWayOut() {
    Path file = write("ftrl.h5", LegacyH5Test.DENSE_MODEL, """
        {"loss": "mse", "optimizer_config": {"class_name": "Ftrl", "config": {"name": "Ftrl"}}}""",
        LegacyH5TrainingConfigTest::denseWeights);
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.loadModel(file));
    assertEquals(file + ": cannot compile the model from its training_config:"
        + " optimizer_config={\"class_name\":\"Ftrl\",\"config\":{\"name\":\"Ftrl\"}} is not"
        + " something jkeras can map (Unknown optimizer: 'Ftrl'. Valid names are [sgd, rmsprop,"
        + " adam, adamw, adagrad, adadelta, adamax, nadam, lion])."
        + " Keras.loadModel(path, false) loads the model uncompiled; then call model.compile.",
        e.getMessage());
    assertFalse(Keras.loadModel(file, false).isCompiled());
  }

  @Test
  void unmappableMetricsAndWeightsAreRefused() {
    Path wrapper = write("m.h5", LegacyH5Test.DENSE_MODEL, """
        {"loss": "mse", "metrics": [{"class_name": "MeanMetricWrapper", "config": {
          "name": "custom", "fn": {"class_name": "MyFn"}}}],
         "optimizer_config": {"class_name": "adam", "config": {}}}""",
        LegacyH5TrainingConfigTest::denseWeights);
    assertEquals(wrapper + ": cannot compile the model from its training_config: metrics="
        + "{\"class_name\":\"MeanMetricWrapper\",\"config\":{\"name\":\"custom\",\"fn\":"
        + "{\"class_name\":\"MyFn\"}}} is not something jkeras can map (a MeanMetricWrapper"
        + " needs 'fn' naming a built-in metric function). Keras.loadModel(path, false) loads"
        + " the model uncompiled; then call model.compile.",
        assertThrows(JKerasException.class, () -> Keras.loadModel(wrapper)).getMessage());
    Path weighted = write("w.h5", LegacyH5Test.DENSE_MODEL, """
        {"loss": "mse", "weighted_metrics": [["mae"]],
         "optimizer_config": {"class_name": "adam", "config": {}}}""",
        LegacyH5TrainingConfigTest::denseWeights);
    assertEquals(weighted + ": cannot compile the model from its training_config:"
        + " weighted_metrics=[[\"mae\"]] is not something jkeras can map (jkeras's compile has"
        + " no weighted metrics). Keras.loadModel(path, false) loads the model uncompiled; then"
        + " call model.compile.",
        assertThrows(JKerasException.class, () -> Keras.loadModel(weighted)).getMessage());
    Path lossWeights = write("lw.h5", LegacyH5Test.DENSE_MODEL, """
        {"loss": "mse", "loss_weights": "heavy",
         "optimizer_config": {"class_name": "adam", "config": {}}}""",
        LegacyH5TrainingConfigTest::denseWeights);
    assertEquals(lossWeights + ": cannot compile the model from its training_config:"
        + " loss_weights=\"heavy\" is not something jkeras can map (expected a list of numbers"
        + " or a map from output name to number). Keras.loadModel(path, false) loads the model"
        + " uncompiled; then call model.compile.",
        assertThrows(JKerasException.class, () -> Keras.loadModel(lossWeights)).getMessage());
  }

  @Test
  void compileErrorsSayHowToLoadUncompiled() {
    Path file = write("noloss.h5", LegacyH5Test.DENSE_MODEL, """
        {"loss": null, "optimizer_config": {"class_name": "SGD", "config": {}}}""",
        LegacyH5TrainingConfigTest::denseWeights);
    assertEquals(file + ": cannot compile the model from its training_config: compile needs a"
        + " loss: got null. Pass a name such as \"mse\" or a Loss object, one per output as a"
        + " list or a map by output name. Keras.loadModel(path, false) loads the model"
        + " uncompiled; then call model.compile.",
        assertThrows(JKerasException.class, () -> Keras.loadModel(file)).getMessage());
  }

  private static void denseWeights(WritableHdfFile h5) {
    WritableGroup weights = h5.putGroup("model_weights");
    weights.putAttribute("layer_names", new String[] {"in", "dense"});
    WritableGroup dense = weights.putGroup("dense");
    dense.putAttribute("weight_names", new String[] {"dense/kernel:0", "dense/bias:0"});
    WritableGroup inner = dense.putGroup("dense");
    inner.putDataset("kernel:0", KERNEL);
    inner.putDataset("bias:0", BIAS);
  }

  private Path write(String name, String modelConfig, String trainingConfig,
      Consumer<WritableHdfFile> content) {
    Path file = dir.resolve(name);
    try (WritableHdfFile h5 = HdfFile.write(file)) {
      h5.putAttribute("model_config", modelConfig);
      h5.putAttribute("keras_version", "2.13.1");
      if (trainingConfig != null) {
        h5.putAttribute("training_config", trainingConfig);
      }
      content.accept(h5);
    }
    return file;
  }
}
