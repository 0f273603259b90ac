package org.jkeras.layers.convolutional;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.config.Config;
import org.jkeras.initializers.Constant;
import org.jkeras.initializers.Initializer;
import org.jkeras.initializers.Initializers;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ConvShapes;
import org.jkeras.ops.MathOps;

/**
 * What the transposed, depthwise and separable convolutions share (channels_last): kernel size,
 * strides, padding, dilation, activation and bias, with Keras's checks and config keys. Conv1D
 * and Conv2D keep their own {@link BaseConv}.
 */
public abstract class ConvLayerBase extends Layer {
  private final int rank;
  private final int[] kernelSize;
  private int[] strides;
  private int[] dilationRate;
  private String padding = "valid";
  private Activation activation = Activations.get("linear");
  private boolean useBias = true;
  private Initializer biasInitializer = Constant.zeros();
  private Variable bias;

  protected ConvLayerBase(int rank, int[] kernelSize) {
    this.rank = rank;
    this.kernelSize = ConvShapes.perAxis(getClass().getSimpleName(), "kernel_size", kernelSize,
        rank, 1);
    this.strides = ones(rank);
    this.dilationRate = ones(rank);
    setInputSpec(InputSpec.minNdim(rank + 2));
  }

  static int[] ones(int n) {
    int[] a = new int[n];
    Arrays.fill(a, 1);
    return a;
  }

  protected int rank() {
    return rank;
  }

  protected void setStrides(int... values) {
    requireUnbuilt("strides");
    int[] s = ConvShapes.perAxis(getClass().getSimpleName(), "strides", values, rank, 1);
    checkStridesAndDilation(s, dilationRate);
    strides = s;
  }

  protected void setDilationRate(int... values) {
    requireUnbuilt("dilation_rate");
    int[] d = ConvShapes.perAxis(getClass().getSimpleName(), "dilation_rate", values, rank, 1);
    checkStridesAndDilation(strides, d);
    dilationRate = d;
  }

  private static void checkStridesAndDilation(int[] s, int[] d) {
    if (Arrays.stream(s).max().orElse(1) > 1 && Arrays.stream(d).max().orElse(1) > 1) {
      throw new JKerasException("`strides > 1` not supported in conjunction with"
          + " `dilation_rate > 1`. Received: strides=" + tuple(s) + " and dilation_rate="
          + tuple(d));
    }
  }

  /** An int array as Python prints a tuple: {@code (2, 2)}. */
  static String tuple(int[] values) {
    return Shape.of(values).toString();
  }

  protected void setPadding(String value) {
    requireUnbuilt("padding");
    padding = ConvShapes.checkPadding(getClass().getSimpleName(), value);
  }

  protected void setActivation(String name) {
    requireUnbuilt("activation");
    activation = Activations.get(name);
  }

  protected void setUseBias(boolean value) {
    requireUnbuilt("use_bias");
    useBias = value;
  }

  protected void setBiasInitializer(Initializer init) {
    requireUnbuilt("bias_initializer");
    biasInitializer = init;
  }

  public int[] kernelSize() {
    return kernelSize.clone();
  }

  public int[] strides() {
    return strides.clone();
  }

  public int[] dilationRate() {
    return dilationRate.clone();
  }

  public String padding() {
    return padding;
  }

  public boolean useBias() {
    return useBias;
  }

  public Variable bias() {
    return bias;
  }

  /** The input's channel count, which must be known. */
  protected int channels(Shape input) {
    int channels = input.dim(-1);
    if (channels == Shape.UNKNOWN) {
      throw new JKerasException("The channel dimension of the inputs to layer '" + name()
          + "' should be defined. Received input shape " + input + ".");
    }
    return channels;
  }

  /** Adds the bias weight (after the kernels, as Keras orders them) and fixes the channels. */
  protected void buildBias(int outChannels, int inChannels) {
    if (useBias) {
      Shape s = Shape.of(outChannels);
      bias = addWeight("bias", s, biasInitializer.initialize(s), true);
    }
    setInputSpec(InputSpec.minNdim(rank + 2).withAxis(-1, inChannels));
  }

  /** {@code (*kernel_size, a, b)}. */
  protected Shape kernelShape(int a, int b) {
    int[] d = Arrays.copyOf(kernelSize, rank + 2);
    d[rank] = a;
    d[rank + 1] = b;
    return Shape.of(d);
  }

  /** The output shape of a forward convolution of these inputs with {@code outChannels}. */
  protected Shape convOutputShape(Shape in, int outChannels) {
    int[] out = ConvShapes.windowedOutput(name(), "window", in, kernelSize, strides,
        dilationRate, padding);
    out[out.length - 1] = outChannels;
    return Shape.of(out);
  }

  /** Bias and activation, after the convolution. */
  protected List<Tensor> finish(Tensor y) {
    if (useBias) {
      y = MathOps.add(y, bias);
    }
    return List.of(activation.apply(y));
  }

  /**
   * The keys every such layer writes after its own leading ones: kernel_size through use_bias.
   */
  protected void putGeometry(Map<String, Object> c) {
    c.put("kernel_size", Config.intList(kernelSize));
    c.put("strides", Config.intList(strides));
    c.put("padding", padding);
    c.put("data_format", "channels_last");
    c.put("dilation_rate", Config.intList(dilationRate));
    c.put("activation", activation.name());
    c.put("use_bias", useBias);
  }

  protected Map<String, Object> serializedBiasInitializer() {
    return Initializers.serialize(biasInitializer);
  }

  /** Applies the shared keys of a Keras config to a new layer. */
  protected static <T extends ConvLayerBase> T configure(T layer, Config c) {
    int r = layer.rank();
    layer.applyBaseConfig(c);
    layer.setStrides(c.getInts("strides", r, ones(r)));
    layer.setDilationRate(c.getInts("dilation_rate", r, ones(r)));
    layer.setPadding(c.getString("padding", "valid"));
    String format = c.getString("data_format", "channels_last");
    if (!format.equals("channels_last")) {
      throw new JKerasException("Layer '" + layer.name() + "' uses data_format=" + format
          + "; jkeras supports channels_last only.");
    }
    layer.setActivation(c.getString("activation", "linear"));
    layer.setUseBias(c.getBoolean("use_bias", true));
    if (c.has("bias_initializer")) {
      layer.setBiasInitializer(Initializers.deserialize(c.raw("bias_initializer")));
    }
    for (String k : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint", "depthwise_regularizer", "pointwise_regularizer",
        "depthwise_constraint", "pointwise_constraint")) {
      if (c.has(k)) {
        throw new JKerasException("Config key '" + k + "' = " + c.raw(k) + " is not supported"
            + " by jkeras's " + layer.getClass().getSimpleName() + "; only null is accepted.");
      }
    }
    return layer;
  }

  /** Writes the null regularizer and constraint keys Keras writes, in its order. */
  protected static void putNulls(Map<String, Object> c, String... keys) {
    for (String k : keys) {
      c.put(k, null);
    }
  }
}
