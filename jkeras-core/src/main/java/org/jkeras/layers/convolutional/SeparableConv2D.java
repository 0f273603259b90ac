package org.jkeras.layers.convolutional;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.config.Config;
import org.jkeras.initializers.GlorotUniform;
import org.jkeras.initializers.Initializer;
import org.jkeras.initializers.Initializers;
import org.jkeras.layers.CallContext;
import org.jkeras.ops.ConvOps;

/**
 * Keras's SeparableConv2D: a depthwise convolution (kernel {@code (kh, kw, in_channels,
 * depth_multiplier)}, with the strides, padding and dilation) followed by a 1 x 1 pointwise
 * convolution (kernel {@code (1, 1, in_channels * depth_multiplier, filters)}), then the bias.
 * Weights in Keras's order: {@code depthwise_kernel}, {@code pointwise_kernel}, {@code bias}.
 */
public class SeparableConv2D extends ConvLayerBase {
  private static final int[] ONE = {1};
  private final int filters;
  private int depthMultiplier = 1;
  private Initializer depthwiseInitializer = new GlorotUniform();
  private Initializer pointwiseInitializer = new GlorotUniform();
  private Variable depthwiseKernel;
  private Variable pointwiseKernel;

  public SeparableConv2D(int filters, int kernelRows, int kernelCols) {
    super(2, new int[] {kernelRows, kernelCols});
    if (filters <= 0) {
      throw new JKerasException("Invalid value for argument `filters`. Expected a strictly"
          + " positive value. Received filters=" + filters + ".");
    }
    this.filters = filters;
  }

  /** A square {@code kernelSize x kernelSize} depthwise kernel. */
  public SeparableConv2D(int filters, int kernelSize) {
    this(filters, kernelSize, kernelSize);
  }

  public SeparableConv2D depthMultiplier(int value) {
    requireUnbuilt("depth_multiplier");
    depthMultiplier = DepthwiseConv2D.checkDepthMultiplier(value);
    return this;
  }

  public SeparableConv2D strides(int... values) {
    setStrides(values);
    return this;
  }

  public SeparableConv2D padding(String value) {
    setPadding(value);
    return this;
  }

  public SeparableConv2D dilationRate(int... values) {
    setDilationRate(values);
    return this;
  }

  public SeparableConv2D activation(String name) {
    setActivation(name);
    return this;
  }

  public SeparableConv2D useBias(boolean value) {
    setUseBias(value);
    return this;
  }

  public SeparableConv2D depthwiseInitializer(Initializer init) {
    requireUnbuilt("depthwise_initializer");
    depthwiseInitializer = init;
    return this;
  }

  public SeparableConv2D pointwiseInitializer(Initializer init) {
    requireUnbuilt("pointwise_initializer");
    pointwiseInitializer = init;
    return this;
  }

  public SeparableConv2D biasInitializer(Initializer init) {
    setBiasInitializer(init);
    return this;
  }

  @Override
  public SeparableConv2D name(String newName) {
    super.name(newName);
    return this;
  }

  public int filters() {
    return filters;
  }

  public Variable depthwiseKernel() {
    return depthwiseKernel;
  }

  public Variable pointwiseKernel() {
    return pointwiseKernel;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    int channels = channels(inputShapes.get(0));
    Shape dk = kernelShape(channels, depthMultiplier);
    depthwiseKernel = addWeight("depthwise_kernel", dk, depthwiseInitializer.initialize(dk), true);
    Shape pk = Shape.of(1, 1, channels * depthMultiplier, filters);
    pointwiseKernel = addWeight("pointwise_kernel", pk, pointwiseInitializer.initialize(pk), true);
    buildBias(filters, channels);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    return List.of(convOutputShape(inputShapes.get(0), filters));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor depthwise = ConvOps.depthwiseConv(inputs.get(0), depthwiseKernel, strides(),
        padding(), dilationRate());
    return finish(ConvOps.conv(depthwise, pointwiseKernel, ONE, "valid", ONE));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("depth_multiplier", depthMultiplier);
    c.put("filters", filters);
    putGeometry(c);
    c.put("depthwise_initializer", Initializers.serialize(depthwiseInitializer));
    c.put("pointwise_initializer", Initializers.serialize(pointwiseInitializer));
    c.put("bias_initializer", serializedBiasInitializer());
    putNulls(c, "depthwise_regularizer", "pointwise_regularizer", "bias_regularizer",
        "activity_regularizer", "depthwise_constraint", "pointwise_constraint",
        "bias_constraint");
    return c;
  }

  /** A SeparableConv2D layer from its Keras config. */
  public static SeparableConv2D fromConfig(Config c) {
    int[] k = c.requireInts("kernel_size", 2);
    SeparableConv2D s = configure(new SeparableConv2D(c.requireInt("filters"), k[0], k[1]), c);
    s.depthMultiplier(c.getInt("depth_multiplier", 1));
    if (c.has("depthwise_initializer")) {
      s.depthwiseInitializer(Initializers.deserialize(c.raw("depthwise_initializer")));
    }
    if (c.has("pointwise_initializer")) {
      s.pointwiseInitializer(Initializers.deserialize(c.raw("pointwise_initializer")));
    }
    return s;
  }
}
