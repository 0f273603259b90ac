package org.jkeras.reliability;

import static org.jkeras.reliability.BadInputs.failsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.layers.activations.LeakyReLU;
import org.jkeras.layers.activations.PReLU;
import org.jkeras.layers.activations.ReLU;
import org.jkeras.layers.activations.Softmax;
import org.jkeras.layers.attention.Attention;
import org.jkeras.layers.attention.MultiHeadAttention;
import org.jkeras.layers.convolutional.Conv1D;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.layers.convolutional.Conv2DTranspose;
import org.jkeras.layers.convolutional.DepthwiseConv2D;
import org.jkeras.layers.convolutional.SeparableConv2D;
import org.jkeras.layers.core.Activation;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.core.Embedding;
import org.jkeras.layers.merging.Concatenate;
import org.jkeras.layers.pooling.AveragePooling1D;
import org.jkeras.layers.pooling.MaxPooling2D;
import org.jkeras.layers.regularization.ActivityRegularization;
import org.jkeras.layers.regularization.Dropout;
import org.jkeras.layers.regularization.GaussianNoise;
import org.jkeras.layers.regularization.SpatialDropout2D;
import org.jkeras.layers.reshaping.Cropping1D;
import org.jkeras.layers.reshaping.Permute;
import org.jkeras.layers.reshaping.RepeatVector;
import org.jkeras.layers.reshaping.Reshape;
import org.jkeras.layers.reshaping.UpSampling2D;
import org.jkeras.layers.reshaping.ZeroPadding2D;
import org.jkeras.layers.rnn.Bidirectional;
import org.jkeras.layers.rnn.GRU;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.layers.rnn.SimpleRNN;
import org.jkeras.layers.rnn.TimeDistributed;
import org.junit.jupiter.api.Test;

/**
 * Invalid layer arguments are refused when the layer is made (constructor, setter or
 * fromConfig), not later at build, with a message naming the argument and the value.
 */
class LayerArgumentsTest {
  private static final Class<JKerasException> E = JKerasException.class;

  @Test
  void unitsAndSizesMustBePositive() {
    failsWith(E, "Received an invalid value for `units`, expected a positive integer. Received:"
        + " units=0", () -> new Dense(0));
    failsWith(E, "Received an invalid value for `units`, expected a positive integer. Received:"
        + " units=-3", () -> new Dense(-3));
    String rnn = "Received an invalid value for argument `units`, expected a positive integer,"
        + " got ";
    failsWith(E, rnn + "0.", () -> new LSTM(0));
    failsWith(E, rnn + "-1.", () -> new GRU(-1));
    failsWith(E, rnn + "0.", () -> new SimpleRNN(0));
    failsWith(E, "Both `input_dim` and `output_dim` should be positive, Received input_dim = 0"
        + " and output_dim = 2", () -> new Embedding(0, 2));
    failsWith(E, "Received input_dim = 2 and output_dim = -1", () -> new Embedding(2, -1));
    failsWith(E, "MultiHeadAttention needs num_heads and key_dim >= 1. Received: num_heads=0,"
        + " key_dim=4", () -> new MultiHeadAttention(0, 4));
    failsWith(E, "Expected an integer value for `n`, greater than 0. Received: n=0",
        () -> new RepeatVector(0));
    failsWith(E, "The `size` argument must be a tuple of 2 positive integers. Received:"
        + " size=(0, 0)", () -> new UpSampling2D(0));
  }

  @Test
  void kernelsStridesPoolsAndDilationsMustBePositive() {
    failsWith(E, "Invalid value for argument `filters`. Expected a strictly positive value."
        + " Received filters=0.", () -> new Conv2D(0, 3));
    failsWith(E, "Conv2D: kernel_size must be 1 or more, got [0, 0].", () -> new Conv2D(3, 0));
    failsWith(E, "Conv1D: kernel_size must be 1 or more, got [-1].", () -> new Conv1D(3, -1));
    failsWith(E, "Conv2DTranspose: kernel_size must be 1 or more, got [0, 0].",
        () -> new Conv2DTranspose(3, 0));
    failsWith(E, "DepthwiseConv2D: kernel_size must be 1 or more, got [0, 0].",
        () -> new DepthwiseConv2D(0));
    failsWith(E, "SeparableConv2D: kernel_size must be 1 or more, got [0, 0].",
        () -> new SeparableConv2D(3, 0));
    failsWith(E, "Conv2D: strides must be 1 or more, got [0].", () -> new Conv2D(3, 3).strides(0));
    failsWith(E, "Conv1D: dilation_rate must be 1 or more, got [0].",
        () -> new Conv1D(3, 3).dilationRate(0));
    failsWith(E, "The number of filters must be evenly divisible by the number of groups."
        + " Received: groups=2, filters=3.", () -> new Conv2D(3, 3).groups(2));
    failsWith(E, "Conv2DTranspose: output_padding must be 0 or more, got [-1].",
        () -> new Conv2DTranspose(3, 3).outputPadding(-1));
    failsWith(E, "Invalid value for argument `depth_multiplier`. Expected a strictly positive"
        + " value. Received depth_multiplier=0.", () -> new DepthwiseConv2D(3).depthMultiplier(0));
    failsWith(E, "MaxPooling2D: pool_size must be 1 or more, got [0, 2].",
        () -> new MaxPooling2D(0, 2));
    failsWith(E, "AveragePooling1D: pool_size must be 1 or more, got [-1].",
        () -> new AveragePooling1D(-1));
    failsWith(E, "MaxPooling2D: strides must be 1 or more, got [0].",
        () -> new MaxPooling2D(2, 2).strides(0));
  }

  @Test
  void paddingAndDataFormatNames() {
    failsWith(E, "Conv2D: padding must be 'valid' or 'same', got 'sane'.",
        () -> new Conv2D(3, 3).padding("sane"));
    failsWith(E, "SeparableConv2D: padding must be 'valid' or 'same', got 'sane'.",
        () -> new SeparableConv2D(3, 3).padding("sane"));
    failsWith(E, "MaxPooling2D: padding must be 'valid' or 'same', got 'sane'.",
        () -> new MaxPooling2D(2, 2).padding("sane"));
    failsWith(E, "Conv2D: padding must be 'valid' or 'same', got 'sane'.",
        () -> LayerRegistry.fromConfig("Conv2D", config("filters", 2, "kernel_size",
            List.of(3, 3), "padding", "sane")));
    failsWith(E, "(MaxPooling2D) uses data_format=channels_first; jkeras supports channels_last"
        + " only. Save the model with data_format=\"channels_last\" (the Keras default).",
        () -> LayerRegistry.fromConfig("MaxPooling2D", config("data_format", "channels_first")));
    failsWith(E, "(Flatten) uses data_format=channels_first",
        () -> LayerRegistry.fromConfig("Flatten", config("data_format", "channels_first")));
    failsWith(E, "uses data_format=nhwc; jkeras supports channels_last only.",
        () -> LayerRegistry.fromConfig("Conv2D", config("filters", 2, "kernel_size",
            List.of(3, 3), "data_format", "nhwc")));
    failsWith(E, "The `1st entry of padding` argument must be a tuple of 2 integers. Received"
        + " 1st entry of padding=(-1, -1), including values {-1} that do not satisfy"
        + " `value >= 0`", () -> new ZeroPadding2D(-1));
    failsWith(E, "The `cropping` argument must be a tuple of 2 integers. Received"
        + " cropping=(-1, -1)", () -> new Cropping1D(-1));
  }

  @Test
  void ratesAndFactors() {
    failsWith(E, "Invalid value received for argument `rate`. Expected a float value between"
        + " 0 and 1. Received: rate=-0.1", () -> new Dropout(-0.1));
    failsWith(E, "Received: rate=1.5", () -> new Dropout(1.5));
    failsWith(E, "Received: rate=NaN", () -> new Dropout(Double.NaN));
    failsWith(E, "Received: rate=-1.0", () -> new SpatialDropout2D(-1));
    failsWith(E, "Invalid value received for argument `stddev`. Expected a float value between"
        + " 0 and 1. Received: stddev=-1.0", () -> new GaussianNoise(-1));
    failsWith(E, "Invalid value received for argument `dropout`. Expected a float value"
        + " between 0 and 1. Received: dropout=1.0", () -> new Attention().dropout(1));
    failsWith(E, "Received: rate=1.0", () -> new MultiHeadAttention(2, 2).dropout(1));
    failsWith(E, "Invalid value for argument l1: expected a non-negative float.Received:"
        + " l1=-1.0", () -> new ActivityRegularization(-1, 0));
    failsWith(E, "The negative_slope value of a Leaky ReLU layer cannot be None or negative"
        + " value. Expected a float. Received: negative_slope=-1.0", () -> new LeakyReLU(-1));
    failsWith(E, "max_value of a ReLU layer cannot be a negative value. Received:"
        + " max_value=-1.0", () -> new ReLU(-1.0, 0, 0));
  }

  @Test
  void namesOfModesAndActivations() {
    String activations = "Valid names are [linear, relu, relu6, leaky_relu, elu, selu, gelu,"
        + " sigmoid, hard_sigmoid, tanh, softmax, log_softmax, softplus, softsign, silu, swish,"
        + " hard_silu, hard_swish, mish, exponential].";
    failsWith(E, "Unknown activation function: 'relux'. " + activations,
        () -> new Dense(3).activation("relux"));
    failsWith(E, "Unknown activation function: 'relux'.", () -> new Activation("relux"));
    failsWith(E, "Unknown recurrent cell activation 'tanx': the fused recurrent kernels support"
        + " tanh, sigmoid, relu, linear and hard_sigmoid.", () -> new LSTM(3).activation("tanx"));
    failsWith(E, "Invalid merge mode. Received: cat. Merge mode should be one of {\"sum\","
        + " \"mul\", \"ave\", \"concat\", None}", () -> new Bidirectional(new LSTM(3), "cat"));
    failsWith(E, "Invalid value for argument score_mode. Expected one of {'dot', 'concat'}."
        + " Received: score_mode=dott", () -> new Attention().scoreMode("dott"));
    failsWith(E, "UpSampling2D: interpolation 'cubicc' is not supported; only 'nearest' is.",
        () -> LayerRegistry.fromConfig("UpSampling2D", config("interpolation", "cubicc")));
  }

  @Test
  void shapesAxesAndWrappedLayers() {
    failsWith(E, "The `target_shape` argument must not contain more than one `-1` value."
        + " Received: target_shape=(-1, -1)", () -> new Reshape(-1, -1));
    failsWith(E, "Reshape: target_shape=(4, -2) has the dimension -2; each entry must be 0 or"
        + " more, or -1 (once) to be inferred.", () -> new Reshape(4, -2));
    failsWith(E, "Invalid permutation argument `dims` for Permute Layer. The set of indices in"
        + " `dims` must be consecutive and start from 1. Received dims=(0, 1)",
        () -> new Permute(0, 1));
    failsWith(E, "PReLU 'p': shared_axes must be axes of a sample (1 or more; axis 0 is the"
        + " batch), got [0].", () -> new PReLU().name("p").sharedAxes(0));
    failsWith(E, "PReLU 'p': shared_axes [5] has axis 5, out of range for input shape"
        + " (None, 4, 3); use axes in [1, 2].",
        () -> new PReLU().name("p").sharedAxes(5).apply(Keras.input(4, 3)));
    failsWith(E, "Softmax 's': axis 5 is out of range for input shape (None, 4); use an axis in"
        + " [-2, 1].", () -> new Softmax(5).name("s").apply(Keras.input(4)));
    failsWith(E, "Concatenate 'c': axis 5 is out of range for inputs of rank 2"
        + " [(None, 4), (None, 4)]; use an axis in [-2, 1].",
        () -> new Concatenate(5).name("c").apply(List.of(Keras.input(4), Keras.input(4))));
    failsWith(E, "Bidirectional needs a recurrent layer (LSTM, GRU or SimpleRNN); received"
        + " null.", () -> new Bidirectional(null));
    failsWith(E, "TimeDistributed needs a layer to apply to every time step; received null.",
        () -> new TimeDistributed(null));
  }

  @Test
  void fromConfigChecksLikeTheConstructors() {
    failsWith(E, "Received an invalid value for `units`, expected a positive integer. Received:"
        + " units=0", () -> LayerRegistry.fromConfig("Dense", config("units", 0)));
    failsWith(E, "Dense config is missing the required key 'units'.",
        () -> LayerRegistry.fromConfig("Dense", config()));
    failsWith(E, "Dense config key 'units' should be an integer, got ten.",
        () -> LayerRegistry.fromConfig("Dense", config("units", "ten")));
    failsWith(E, "Conv2D config key 'kernel_size' should be 2 integers, got [3].",
        () -> LayerRegistry.fromConfig("Conv2D", config("filters", 2, "kernel_size",
            List.of(3))));
    failsWith(E, "A layer config is missing: expected a dict with 'class_name' and 'config'"
        + " (for example the 'layer' of a wrapper), got null.",
        () -> LayerRegistry.fromConfig("TimeDistributed", config()));
    failsWith(E, "Received: rate=2.0", () -> LayerRegistry.fromConfig("Dropout",
        config("rate", 2.0)));
    failsWith(E, "Unknown layer class 'Densse'. Register it with"
        + " LayerRegistry.register(\"Densse\", config -> ...) before loading.",
        () -> LayerRegistry.fromConfig("Densse", config("units", 3)));
  }

  /**
   * Every registered layer class, given configs with bad values for the common arguments,
   * either accepts them (the argument does not apply to it) or refuses them with a jkeras
   * exception: never a NullPointerException, ClassCastException or index error from inside.
   */
  @Test
  void everyLayerClassRefusesBadConfigsWithAJKerasException() {
    List<Map<String, Object>> bad = List.of(config(),
        config("units", -1, "filters", 0, "kernel_size", 0, "pool_size", 0, "strides", 0),
        config("units", 2, "filters", 2, "kernel_size", List.of(3, 3), "padding", "sane"),
        config("units", 2, "rate", 7.5, "dropout", -2.0, "stddev", -1.0, "n", -1),
        config("units", 2, "filters", 2, "kernel_size", 3, "dilation_rate", -1, "axis", "x"),
        config("units", "many", "activation", "relux", "kernel_initializer", "nope"),
        config("units", 2, "data_format", "channels_first", "target_shape", List.of(-5)),
        config("layer", "not a config", "input_dim", -1, "output_dim", 0, "dims", List.of(0)),
        config("units", 2, "num_heads", 0, "key_dim", -1, "cropping", -3, "padding", List.of()),
        config("units", 2, "filters", 2, "kernel_size", List.of(3), "pool_size", List.of(),
            "size", List.of(1, 2, 3), "dims", List.of(), "target_shape", List.of(), "axes",
            List.of(), "strides", List.of(1, 2, 3), "cropping", List.of(1)),
        config("units", 2, "filters", 2, "kernel_size", 2, "axis", List.of(9), "shared_axes",
            List.of(0), "noise_shape", List.of(-1), "output_padding", List.of(1, 2, 3)),
        config("units", 2, "filters", 2, "kernel_size", 2, "layer", Map.of("class_name", 3),
            "merge_mode", "cat", "interpolation", "cubic", "score_mode", "x", "axis", 1.5));
    List<String> leaks = new ArrayList<>();
    int refused = 0;
    for (String name : LayerRegistry.classNames()) {
      for (Map<String, Object> c : bad) {
        try {
          LayerRegistry.fromConfig(name, new HashMap<>(c));
        } catch (JKerasException e) {
          refused++;
        } catch (RuntimeException e) {
          leaks.add(name + " " + c + ": " + e);
        }
      }
    }
    assertTrue(leaks.isEmpty(), () -> String.join("\n", leaks));
    assertTrue(refused > LayerRegistry.classNames().size(), "refused " + refused);
  }

  private static Map<String, Object> config(Object... keysAndValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
