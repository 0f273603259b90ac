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
import org.jkeras.ops.ConvShapes;

/**
 * Keras's Conv2DTranspose, the upsampling "deconvolution": kernel {@code (kh, kw, filters,
 * in_channels)} as Keras stores it, output {@code in * stride} with "same" padding and {@code (in
 * - 1) * stride + max(kernel, stride)} with "valid", or the exact size chosen by {@code
 * outputPadding} (each value below its stride).
 *
 * <p>Keras's config leaves {@code output_padding} out; jkeras writes it only when it is set, so
 * a set value survives a round trip and default configs match Keras's exactly.
 */
public class Conv2DTranspose extends ConvLayerBase {
  private final int filters;
  private int[] outputPadding;
  private Initializer kernelInitializer = new GlorotUniform();
  private Variable kernel;

  public Conv2DTranspose(int filters, int kernelRows, int kernelCols) {
    super(2, new int[] {kernelRows, kernelCols});
    if (filters <= 0) {
      throw new JKerasException("Invalid value for argument `filters`. Expected a strictly"
          + " positive value. Received filters=" + filters + ".");
    }
    this.filters = filters;
  }

  /** A square {@code kernelSize x kernelSize} kernel. */
  public Conv2DTranspose(int filters, int kernelSize) {
    this(filters, kernelSize, kernelSize);
  }

  public Conv2DTranspose strides(int... values) {
    setStrides(values);
    return this;
  }

  public Conv2DTranspose padding(String value) {
    setPadding(value);
    return this;
  }

  /**
   * The extra rows and columns at the end of the output, each less than its stride (checked
   * when the layer is built, so the setters may come in any order).
   */
  public Conv2DTranspose outputPadding(int... values) {
    requireUnbuilt("output_padding");
    outputPadding = values == null ? null
        : ConvShapes.perAxis("Conv2DTranspose", "output_padding", values, 2, 0);
    return this;
  }

  private void checkOutputPadding() {
    if (outputPadding == null) {
      return;
    }
    int[] s = strides();
    for (int i = 0; i < s.length; i++) {
      if (outputPadding[i] >= s[i]) {
        throw new JKerasException("`output_padding` must be < `strides`. output_padding="
            + tuple(outputPadding) + ", strides=" + tuple(s));
      }
    }
  }

  public Conv2DTranspose dilationRate(int... values) {
    setDilationRate(values);
    return this;
  }

  public Conv2DTranspose activation(String name) {
    setActivation(name);
    return this;
  }

  public Conv2DTranspose useBias(boolean value) {
    setUseBias(value);
    return this;
  }

  public Conv2DTranspose kernelInitializer(Initializer init) {
    requireUnbuilt("kernel_initializer");
    kernelInitializer = init;
    return this;
  }

  public Conv2DTranspose biasInitializer(Initializer init) {
    setBiasInitializer(init);
    return this;
  }

  @Override
  public Conv2DTranspose name(String newName) {
    super.name(newName);
    return this;
  }

  public int filters() {
    return filters;
  }

  public Variable kernel() {
    return kernel;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    checkOutputPadding();
    int channels = channels(inputShapes.get(0));
    Shape k = kernelShape(filters, channels);
    kernel = addWeight("kernel", k, kernelInitializer.initialize(k), true);
    buildBias(filters, channels);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    int[] out = in.dims();
    int[] k = kernelSize();
    int[] s = strides();
    int[] d = dilationRate();
    for (int i = 0; i < 2; i++) {
      out[1 + i] = ConvShapes.transposeOutputSize(in.dim(1 + i), k[i], s[i], d[i], padding(),
          outputPadding == null ? null : outputPadding[i]);
    }
    out[out.length - 1] = filters;
    return List.of(Shape.of(out));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return finish(ConvOps.convTranspose(inputs.get(0), kernel, strides(), padding(),
        outputPadding, dilationRate()));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("filters", filters);
    putGeometry(c);
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("bias_initializer", serializedBiasInitializer());
    putNulls(c, "kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint");
    if (outputPadding != null) {
      c.put("output_padding", Config.intList(outputPadding));
    }
    return c;
  }

  /** A Conv2DTranspose layer from its Keras config. */
  public static Conv2DTranspose fromConfig(Config c) {
    int[] k = c.requireInts("kernel_size", 2);
    Conv2DTranspose t = configure(new Conv2DTranspose(c.requireInt("filters"), k[0], k[1]), c);
    if (c.has("output_padding")) {
      t.outputPadding(c.getInts("output_padding", 2, null)).checkOutputPadding();
    }
    if (c.has("kernel_initializer")) {
      t.kernelInitializer(Initializers.deserialize(c.raw("kernel_initializer")));
    }
    return t;
  }
}
