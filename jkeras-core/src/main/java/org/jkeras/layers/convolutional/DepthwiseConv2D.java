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
 * Keras's DepthwiseConv2D: each input channel is convolved with its own {@code depth_multiplier}
 * filters, giving {@code in_channels * depth_multiplier} output channels (channel {@code c *
 * depth_multiplier + m}). The kernel {@code (kh, kw, in_channels, depth_multiplier)} is named
 * {@code kernel}, as Keras 3 names it (Keras 2 said {@code depthwise_kernel}); the config keys
 * are Keras's ({@code depthwise_initializer}, ...).
 */
public class DepthwiseConv2D extends ConvLayerBase {
  private int depthMultiplier = 1;
  private Initializer depthwiseInitializer = new GlorotUniform();
  private Variable kernel;

  public DepthwiseConv2D(int kernelRows, int kernelCols) {
    super(2, new int[] {kernelRows, kernelCols});
  }

  /** A square {@code kernelSize x kernelSize} kernel. */
  public DepthwiseConv2D(int kernelSize) {
    this(kernelSize, kernelSize);
  }

  /** How many filters each input channel gets (Keras's {@code depth_multiplier}, default 1). */
  public DepthwiseConv2D depthMultiplier(int value) {
    requireUnbuilt("depth_multiplier");
    depthMultiplier = checkDepthMultiplier(value);
    return this;
  }

  static int checkDepthMultiplier(int value) {
    if (value <= 0) {
      throw new JKerasException("Invalid value for argument `depth_multiplier`. Expected a"
          + " strictly positive value. Received depth_multiplier=" + value + ".");
    }
    return value;
  }

  public DepthwiseConv2D strides(int... values) {
    setStrides(values);
    return this;
  }

  public DepthwiseConv2D padding(String value) {
    setPadding(value);
    return this;
  }

  public DepthwiseConv2D dilationRate(int... values) {
    setDilationRate(values);
    return this;
  }

  public DepthwiseConv2D activation(String name) {
    setActivation(name);
    return this;
  }

  public DepthwiseConv2D useBias(boolean value) {
    setUseBias(value);
    return this;
  }

  public DepthwiseConv2D depthwiseInitializer(Initializer init) {
    requireUnbuilt("depthwise_initializer");
    depthwiseInitializer = init;
    return this;
  }

  public DepthwiseConv2D biasInitializer(Initializer init) {
    setBiasInitializer(init);
    return this;
  }

  @Override
  public DepthwiseConv2D name(String newName) {
    super.name(newName);
    return this;
  }

  public int depthMultiplier() {
    return depthMultiplier;
  }

  public Variable kernel() {
    return kernel;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    int channels = channels(inputShapes.get(0));
    Shape k = kernelShape(channels, depthMultiplier);
    kernel = addWeight("kernel", k, depthwiseInitializer.initialize(k), true);
    buildBias(channels * depthMultiplier, channels);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    int c = in.dim(-1);
    return List.of(convOutputShape(in, c == Shape.UNKNOWN ? c : c * depthMultiplier));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return finish(ConvOps.depthwiseConv(inputs.get(0), kernel, strides(), padding(),
        dilationRate()));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("depth_multiplier", depthMultiplier);
    putGeometry(c);
    c.put("depthwise_initializer", Initializers.serialize(depthwiseInitializer));
    c.put("bias_initializer", serializedBiasInitializer());
    putNulls(c, "depthwise_regularizer", "bias_regularizer", "activity_regularizer",
        "depthwise_constraint", "bias_constraint");
    return c;
  }

  /** A DepthwiseConv2D layer from its Keras config. */
  public static DepthwiseConv2D fromConfig(Config c) {
    int[] k = c.requireInts("kernel_size", 2);
    DepthwiseConv2D d = configure(new DepthwiseConv2D(k[0], k[1]), c);
    d.depthMultiplier(c.getInt("depth_multiplier", 1));
    if (c.has("depthwise_initializer")) {
      d.depthwiseInitializer(Initializers.deserialize(c.raw("depthwise_initializer")));
    }
    return d;
  }
}
