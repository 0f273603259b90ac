package org.jkeras.layers.convolutional;

import org.jkeras.initializers.Initializers;
import org.jkeras.config.Config;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.constraints.Constraint;
import org.jkeras.constraints.Constraints;
import org.jkeras.regularizers.Regularizer;
import org.jkeras.regularizers.Regularizers;
import org.jkeras.backend.FusedActivation;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.initializers.Constant;
import org.jkeras.initializers.GlorotUniform;
import org.jkeras.initializers.Initializer;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ConvOps;
import org.jkeras.ops.ConvShapes;
import org.jkeras.ops.MathOps;

/**
 * What Conv1D and Conv2D share (Keras's BaseConv): channels_last inputs, a kernel of shape
 * {@code (*kernel_size, in_channels, filters)}, optional bias and activation. Ungrouped
 * convolutions with a linear, relu, sigmoid, tanh or softmax activation run as one fused op
 * (bias and activation applied in the GEMM's pass); others add and activate as separate ops.
 */
public abstract class BaseConv extends Layer {
  private final int rank;
  private final int filters;
  private final int[] kernelSize;
  private int[] strides;
  private int[] dilationRate;
  private String padding = "valid";
  private Activation activation = Activations.get("linear");
  private boolean useBias = true;
  private Initializer kernelInitializer = new GlorotUniform();
  private Initializer biasInitializer = Constant.zeros();
  private Regularizer kernelRegularizer;
  private Regularizer biasRegularizer;
  private Regularizer activityRegularizer;
  private Constraint kernelConstraint;
  private Constraint biasConstraint;
  private int groups = 1;
  private Variable kernel;
  private Variable bias;

  protected BaseConv(int rank, int filters, int[] kernelSize) {
    this.rank = rank;
    if (filters <= 0) {
      throw new JKerasException("Invalid value for argument `filters`. Expected a strictly"
          + " positive value. Received filters=" + filters + ".");
    }
    this.filters = filters;
    this.kernelSize = ConvShapes.perAxis(getClass().getSimpleName(), "kernel_size", kernelSize,
        rank, 1);
    this.strides = ones(rank);
    this.dilationRate = ones(rank);
    setInputSpec(InputSpec.minNdim(rank + 2));
  }

  private static int[] ones(int n) {
    int[] a = new int[n];
    Arrays.fill(a, 1);
    return a;
  }

  protected void setStrides(int... values) {
    requireUnbuilt("strides");
    strides = ConvShapes.perAxis(getClass().getSimpleName(), "strides", values, rank, 1);
  }

  protected void setDilationRate(int... values) {
    requireUnbuilt("dilation_rate");
    dilationRate = ConvShapes.perAxis(getClass().getSimpleName(), "dilation_rate", values, rank,
        1);
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

  protected void setKernelInitializer(Initializer init) {
    requireUnbuilt("kernel_initializer");
    kernelInitializer = init;
  }

  protected void setBiasInitializer(Initializer init) {
    requireUnbuilt("bias_initializer");
    biasInitializer = init;
  }

  protected void setKernelRegularizer(Regularizer regularizer) {
    requireUnbuilt("kernel_regularizer");
    kernelRegularizer = regularizer;
  }

  protected void setBiasRegularizer(Regularizer regularizer) {
    requireUnbuilt("bias_regularizer");
    biasRegularizer = regularizer;
  }

  /** A penalty on the output, added to the losses of each call. */
  protected void setActivityRegularizer(Regularizer regularizer) {
    activityRegularizer = regularizer;
  }

  protected void setKernelConstraint(Constraint constraint) {
    requireUnbuilt("kernel_constraint");
    kernelConstraint = constraint;
  }

  protected void setBiasConstraint(Constraint constraint) {
    requireUnbuilt("bias_constraint");
    biasConstraint = constraint;
  }

  public int filters() {
    return filters;
  }

  public int[] kernelSize() {
    return kernelSize.clone();
  }

  public String padding() {
    return padding;
  }

  public Variable kernel() {
    return kernel;
  }

  public Variable bias() {
    return bias;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    int channels = inputShapes.get(0).dim(-1);
    if (channels == Shape.UNKNOWN) {
      throw new JKerasException("The channel dimension of the inputs to layer '" + name()
          + "' should be defined. Received input shape " + inputShapes.get(0) + ".");
    }
    int[] kdims = Arrays.copyOf(kernelSize, rank + 2);
    if (channels % groups != 0) {
      throw new JKerasException("The number of input channels must be evenly divisible by the"
          + " number of groups. Received groups=" + groups + ", but the input has " + channels
          + " channels (full input shape is " + inputShapes.get(0) + ").");
    }
    kdims[rank] = channels / groups;
    kdims[rank + 1] = filters;
    Shape kshape = Shape.of(kdims);
    kernel = addWeight("kernel", kshape, kernelInitializer.initialize(kshape), true,
        kernelRegularizer, kernelConstraint);
    if (useBias) {
      bias = addWeight("bias", Shape.of(filters), biasInitializer.initialize(Shape.of(filters)),
          true, biasRegularizer, biasConstraint);
    }
    setInputSpec(InputSpec.minNdim(rank + 2).withAxis(-1, channels));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    int[] out = ConvShapes.windowedOutput(name(), "window", in, kernelSize, strides,
        dilationRate, padding);
    out[out.length - 1] = filters;
    return List.of(Shape.of(out));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    FusedActivation fused = FusedActivation.forKerasName(activation.name());
    Tensor out;
    if (groups == 1 && fused != null) {
      out = ConvOps.conv(x, kernel, useBias ? bias : null, fused, strides, padding, dilationRate);
    } else {
      Tensor y = groups == 1 ? ConvOps.conv(x, kernel, strides, padding, dilationRate)
          : groupedConv(x);
      out = activation.apply(useBias ? MathOps.add(y, bias) : y);
    }
    if (activityRegularizer != null) {
      addLoss(activityRegularizer.apply(out));
    }
    return List.of(out);
  }

  /** Each group of input channels convolved with its own slice of the filters, then joined. */
  private Tensor groupedConv(Tensor x) {
    List<Tensor> xs = org.jkeras.ops.ConcatOps.split(x, groups, -1);
    List<Tensor> ks = org.jkeras.ops.ConcatOps.split(kernel, groups, -1);
    List<Tensor> ys = new java.util.ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      ys.add(ConvOps.conv(xs.get(g), ks.get(g), strides, padding, dilationRate));
    }
    return org.jkeras.ops.ConcatOps.concatenate(ys, -1);
  }

  protected void setGroups(int value) {
    requireUnbuilt("groups");
    if (value < 1 || filters % value != 0) {
      throw new JKerasException("The number of filters must be evenly divisible by the number"
          + " of groups. Received: groups=" + value + ", filters=" + filters + ".");
    }
    groups = value;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("filters", filters);
    c.put("kernel_size", Config.intList(kernelSize));
    c.put("strides", Config.intList(strides));
    c.put("padding", padding);
    c.put("data_format", "channels_last");
    c.put("dilation_rate", Config.intList(dilationRate));
    c.put("groups", groups);
    c.put("activation", activation.name());
    c.put("use_bias", useBias);
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    c.put("kernel_regularizer", Regularizers.serialize(kernelRegularizer));
    c.put("bias_regularizer", Regularizers.serialize(biasRegularizer));
    c.put("activity_regularizer", Regularizers.serialize(activityRegularizer));
    c.put("kernel_constraint", Constraints.serialize(kernelConstraint));
    c.put("bias_constraint", Constraints.serialize(biasConstraint));
    return c;
  }

  /** Applies the shared convolution keys of a Keras config to a new layer. */
  protected static <T extends BaseConv> T configure(T layer, Config c) {
    int rank = ((BaseConv) layer).rank;
    layer.applyBaseConfig(c);
    layer.setStrides(c.getInts("strides", rank, ones(rank)));
    layer.setPadding(c.getString("padding", "valid"));
    layer.setDilationRate(c.getInts("dilation_rate", rank, ones(rank)));
    String format = c.getString("data_format", "channels_last");
    if (!format.equals("channels_last")) {
      throw new JKerasException("Layer '" + layer.name() + "' uses data_format=" + format
          + "; jkeras supports channels_last only.");
    }
    layer.setGroups(c.getInt("groups", 1));
    layer.setActivation(c.getString("activation", "linear"));
    layer.setUseBias(c.getBoolean("use_bias", true));
    if (c.has("kernel_initializer")) {
      layer.setKernelInitializer(Initializers.deserialize(c.raw("kernel_initializer")));
    }
    if (c.has("bias_initializer")) {
      layer.setBiasInitializer(Initializers.deserialize(c.raw("bias_initializer")));
    }
    layer.setKernelRegularizer(Regularizers.deserialize(c.raw("kernel_regularizer")));
    layer.setBiasRegularizer(Regularizers.deserialize(c.raw("bias_regularizer")));
    layer.setActivityRegularizer(Regularizers.deserialize(c.raw("activity_regularizer")));
    layer.setKernelConstraint(Constraints.deserialize(c.raw("kernel_constraint")));
    layer.setBiasConstraint(Constraints.deserialize(c.raw("bias_constraint")));
    return layer;
  }
}
