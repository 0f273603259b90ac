package org.jkeras.layers.convolutional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.layers.Layer;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.testing.LayerTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Conv2DTranspose, DepthwiseConv2D and SeparableConv2D against float64 loops written from Keras's
 * definitions (the transposed convolution as JAX computes it: input dilated by the stride, padded
 * as Keras converts its padding, correlated with the flipped kernel).
 */
class ConvolutionalLayersTest {
  private static Tensor input(int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, 100);
  }

  private static Tensor shaped(double[] v, int... shape) {
    float[] f = new float[v.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) v[i];
    }
    return Tensor.of(f, shape);
  }

  /** Keras's (left, right) padding of the dilated input for a transposed convolution. */
  static int[] transposePads(int k, int s, int d, String padding, Integer outputPadding) {
    int ks = (k - 1) * d + 1;
    if (padding.equals("valid")) {
      int op = outputPadding == null ? Math.max(ks, s) - ks : outputPadding;
      return new int[] {ks - 1, ks - 1 + op};
    }
    int padLen = outputPadding == null ? s + ks - 2 : ks + ks % 2 - 2 + outputPadding;
    int left = Math.min(padLen / 2 + padLen % 2, ks - 1);
    return new int[] {left, padLen - left};
  }

  /** {@code x (n, h, w, c)}, {@code k (kh, kw, f, c)}; returns the output and its shape. */
  static Object[] transposeReference(Tensor x, Tensor k, int[] s, int[] d, String padding,
      int[] outPad) {
    int n = x.shape().dim(0);
    int[] in = {x.shape().dim(1), x.shape().dim(2)};
    int c = x.shape().dim(3);
    int[] ks = {k.shape().dim(0), k.shape().dim(1)};
    int f = k.shape().dim(2);
    int[][] pads = new int[2][];
    int[] out = new int[2];
    for (int a = 0; a < 2; a++) {
      pads[a] = transposePads(ks[a], s[a], d[a], padding, outPad == null ? null : outPad[a]);
      int dilated = (in[a] - 1) * s[a] + 1;
      out[a] = dilated + pads[a][0] + pads[a][1] - ((ks[a] - 1) * d[a]);
    }
    double[] y = new double[n * out[0] * out[1] * f];
    for (int b = 0; b < n; b++) {
      for (int oy = 0; oy < out[0]; oy++) {
        for (int ox = 0; ox < out[1]; ox++) {
          for (int fo = 0; fo < f; fo++) {
            double acc = 0;
            for (int ty = 0; ty < ks[0]; ty++) {
              for (int tx = 0; tx < ks[1]; tx++) {
                int py = oy + ty * d[0] - pads[0][0];
                int px = ox + tx * d[1] - pads[1][0];
                if (py < 0 || px < 0 || py % s[0] != 0 || px % s[1] != 0) {
                  continue;
                }
                int iy = py / s[0];
                int ix = px / s[1];
                if (iy >= in[0] || ix >= in[1]) {
                  continue;
                }
                for (int ci = 0; ci < c; ci++) {
                  acc += x.getFloat(b, iy, ix, ci)
                      * k.getFloat(ks[0] - 1 - ty, ks[1] - 1 - tx, fo, ci);
                }
              }
            }
            y[((b * out[0] + oy) * out[1] + ox) * f + fo] = acc;
          }
        }
      }
    }
    return new Object[] {y, new int[] {n, out[0], out[1], f}};
  }

  /** TensorFlow's "same" padding before the input, or 0 for "valid". */
  static int padBefore(int in, int k, int s, int d, String padding) {
    if (padding.equals("valid")) {
      return 0;
    }
    int ks = (k - 1) * d + 1;
    int outSize = (in + s - 1) / s;
    return Math.max((outSize - 1) * s + ks - in, 0) / 2;
  }

  /** Depthwise: {@code x (n, h, w, c)}, {@code k (kh, kw, c, m)}, output channel c * m + j. */
  static double[] depthwiseReference(Tensor x, Tensor k, int[] s, int[] d, String padding,
      int[] outShape) {
    int c = x.shape().dim(3);
    int m = k.shape().dim(3);
    int[] in = {x.shape().dim(1), x.shape().dim(2)};
    int[] ks = {k.shape().dim(0), k.shape().dim(1)};
    int[] pb = new int[2];
    for (int a = 0; a < 2; a++) {
      pb[a] = padBefore(in[a], ks[a], s[a], d[a], padding);
    }
    double[] y = new double[Shape.of(outShape).sizeAsInt()];
    for (int b = 0; b < outShape[0]; b++) {
      for (int oy = 0; oy < outShape[1]; oy++) {
        for (int ox = 0; ox < outShape[2]; ox++) {
          for (int ci = 0; ci < c; ci++) {
            for (int j = 0; j < m; j++) {
              double acc = 0;
              for (int ty = 0; ty < ks[0]; ty++) {
                for (int tx = 0; tx < ks[1]; tx++) {
                  int iy = oy * s[0] - pb[0] + ty * d[0];
                  int ix = ox * s[1] - pb[1] + tx * d[1];
                  if (iy >= 0 && ix >= 0 && iy < in[0] && ix < in[1]) {
                    acc += x.getFloat(b, iy, ix, ci) * k.getFloat(ty, tx, ci, j);
                  }
                }
              }
              y[((b * outShape[1] + oy) * outShape[2] + ox) * c * m + ci * m + j] = acc;
            }
          }
        }
      }
    }
    return y;
  }

  private static Tensor addBias(double[] y, Tensor bias, int[] shape) {
    int f = shape[shape.length - 1];
    double[] out = y.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += bias == null ? 0 : bias.getFlat(i % f);
    }
    return shaped(out, shape);
  }

  @Test
  void conv2dTransposeWithStridesAndPaddings() {
    record Case(int filters, int kh, int kw, int[] strides, String padding, int[] outPad,
        int[] in, int[] out) {}
    List<Case> cases = List.of(
        new Case(3, 3, 3, new int[] {2, 2}, "same", null, new int[] {2, 3, 4, 2},
            new int[] {2, 6, 8, 3}),
        new Case(2, 3, 2, new int[] {2, 1}, "valid", null, new int[] {1, 3, 3, 2},
            new int[] {1, 7, 4, 2}),
        new Case(2, 3, 3, new int[] {2, 2}, "same", new int[] {1, 0}, new int[] {1, 3, 3, 1},
            new int[] {1, 6, 5, 2}),
        new Case(2, 2, 2, new int[] {3, 3}, "valid", new int[] {1, 2}, new int[] {1, 2, 2, 2},
            new int[] {1, 6, 7, 2}));
    for (Case cs : cases) {
      Tensor x = input(cs.in());
      LayerTestHarness.of(() -> {
        Conv2DTranspose t = new Conv2DTranspose(cs.filters(), cs.kh(), cs.kw())
            .strides(cs.strides()).padding(cs.padding())
            .biasInitializer(new org.jkeras.initializers.Constant(0.1));
        return cs.outPad() == null ? t : t.outputPadding(cs.outPad());
      }).inputShapes(Shape.of(cs.in())).outputShapes(Shape.of(cs.out()))
          .weights(2, 0, "kernel", "bias")
          .reference(l -> {
            Conv2DTranspose t = (Conv2DTranspose) l;
            Object[] r = transposeReference(x, t.kernel(), cs.strides(), new int[] {1, 1},
                cs.padding(), cs.outPad());
            assertEquals(List.of(cs.out()[1], cs.out()[2]),
                List.of(((int[]) r[1])[1], ((int[]) r[1])[2]), "reference output size");
            return List.of(addBias((double[]) r[0], t.bias(), cs.out()));
          }).rejects(Shape.of(4, 2), "expected min_ndim=4").run();
    }
  }

  @Test
  void conv2dTransposeWithDilation() {
    Tensor x = input(1, 3, 3, 2);
    LayerTestHarness.of(() -> new Conv2DTranspose(2, 2).dilationRate(2).padding("same")
            .useBias(false))
        .inputShapes(Shape.of(1, 3, 3, 2)).outputShapes(Shape.of(1, 3, 3, 2))
        .weights(1, 0, "kernel")
        .reference(l -> {
          Object[] r = transposeReference(x, ((Conv2DTranspose) l).kernel(), new int[] {1, 1},
              new int[] {2, 2}, "same", null);
          return List.of(shaped((double[]) r[0], (int[]) r[1]));
        }).run();
  }

  @Test
  void depthwiseConv2d() {
    Tensor x = input(2, 5, 4, 3);
    LayerTestHarness.of(() -> new DepthwiseConv2D(3, 2).depthMultiplier(2).strides(2, 1)
            .padding("same").biasInitializer(new org.jkeras.initializers.Constant(-0.2)))
        .inputShapes(Shape.of(2, 5, 4, 3)).outputShapes(Shape.of(2, 3, 4, 6))
        .weights(2, 0, "kernel", "bias")
        .reference(l -> {
          DepthwiseConv2D d = (DepthwiseConv2D) l;
          int[] shape = {2, 3, 4, 6};
          return List.of(addBias(depthwiseReference(x, d.kernel(), new int[] {2, 1},
              new int[] {1, 1}, "same", shape), d.bias(), shape));
        }).rejects(Shape.of(4, 2), "expected min_ndim=4").run();
    Tensor y = input(1, 6, 6, 2);
    LayerTestHarness.of(() -> new DepthwiseConv2D(2).dilationRate(2).activation("tanh")
            .useBias(false))
        .inputShapes(Shape.of(1, 6, 6, 2)).outputShapes(Shape.of(1, 4, 4, 2))
        .weights(1, 0, "kernel")
        .reference(l -> {
          int[] shape = {1, 4, 4, 2};
          Tensor z = addBias(depthwiseReference(y, ((DepthwiseConv2D) l).kernel(),
              new int[] {1, 1}, new int[] {2, 2}, "valid", shape), null, shape);
          return List.of(org.jkeras.ops.MathOps.tanh(z));
        }).run();
  }

  @Test
  void separableConv2d() {
    Tensor x = input(2, 4, 5, 2);
    LayerTestHarness.of(() -> new SeparableConv2D(3, 3).depthMultiplier(2).padding("same")
            .biasInitializer(new org.jkeras.initializers.Constant(0.3)))
        .inputShapes(Shape.of(2, 4, 5, 2)).outputShapes(Shape.of(2, 4, 5, 3))
        .weights(3, 0, "depthwise_kernel", "pointwise_kernel", "bias")
        .reference(l -> {
          SeparableConv2D s = (SeparableConv2D) l;
          int[] mid = {2, 4, 5, 4};
          double[] dw = depthwiseReference(x, s.depthwiseKernel(), new int[] {1, 1},
              new int[] {1, 1}, "same", mid);
          double[] y = new double[2 * 4 * 5 * 3];
          for (int p = 0; p < 2 * 4 * 5; p++) {
            for (int f = 0; f < 3; f++) {
              for (int j = 0; j < 4; j++) {
                y[p * 3 + f] += dw[p * 4 + j] * s.pointwiseKernel().getFloat(0, 0, j, f);
              }
            }
          }
          return List.of(addBias(y, s.bias(), new int[] {2, 4, 5, 3}));
        }).rejects(Shape.of(4, 2), "expected min_ndim=4").run();
    LayerTestHarness.of(() -> new SeparableConv2D(2, 2).strides(2))
        .inputShapes(Shape.of(1, 5, 5, 3)).outputShapes(Shape.of(1, 2, 2, 2))
        .weights(3, 0, "depthwise_kernel", "pointwise_kernel", "bias").run();
  }

  @Test
  void kerasConfigsHaveKerasKeys() {
    Map<String, Object> t = new Conv2DTranspose(4, 3).getConfig();
    assertEquals(List.of("name", "trainable", "dtype", "filters", "kernel_size", "strides",
        "padding", "data_format", "dilation_rate", "activation", "use_bias",
        "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
        "activity_regularizer", "kernel_constraint", "bias_constraint"),
        List.copyOf(t.keySet()));
    assertEquals(List.of("name", "trainable", "dtype", "depth_multiplier", "kernel_size",
        "strides", "padding", "data_format", "dilation_rate", "activation", "use_bias",
        "depthwise_initializer", "bias_initializer", "depthwise_regularizer", "bias_regularizer",
        "activity_regularizer", "depthwise_constraint", "bias_constraint"),
        List.copyOf(new DepthwiseConv2D(3).getConfig().keySet()));
    assertEquals(List.of("name", "trainable", "dtype", "depth_multiplier", "filters",
        "kernel_size", "strides", "padding", "data_format", "dilation_rate", "activation",
        "use_bias", "depthwise_initializer", "pointwise_initializer", "bias_initializer",
        "depthwise_regularizer", "pointwise_regularizer", "bias_regularizer",
        "activity_regularizer", "depthwise_constraint", "pointwise_constraint",
        "bias_constraint"), List.copyOf(new SeparableConv2D(2, 3).getConfig().keySet()));
    Conv2DTranspose padded = new Conv2DTranspose(2, 3).outputPadding(1).strides(2);
    Layer copy = LayerRegistry.fromConfig("Conv2DTranspose", padded.getConfig());
    assertEquals(padded.getConfig(), copy.getConfig());
    assertEquals(List.of(1, 1), copy.getConfig().get("output_padding"));
  }

  @Test
  void kerasErrorMessages() {
    var e = assertThrows(JKerasException.class,
        () -> new Conv2DTranspose(2, 3).outputPadding(2, 1).strides(2)
            .apply(Keras.input(4, 4, 1)));
    assertEquals("`output_padding` must be < `strides`. output_padding=(2, 1), strides=(2, 2)",
        e.getMessage());
    e = assertThrows(JKerasException.class, () -> new DepthwiseConv2D(3).strides(2)
        .dilationRate(2));
    assertEquals("`strides > 1` not supported in conjunction with `dilation_rate > 1`."
        + " Received: strides=(2, 2) and dilation_rate=(2, 2)", e.getMessage());
    e = assertThrows(JKerasException.class, () -> new SeparableConv2D(2, 3).depthMultiplier(0));
    assertEquals("Invalid value for argument `depth_multiplier`. Expected a strictly positive"
        + " value. Received depth_multiplier=0.", e.getMessage());
    DepthwiseConv2D d = new DepthwiseConv2D(3).name("dw");
    d.apply(Keras.input(8, 8, 3));
    e = assertThrows(JKerasException.class, () -> d.apply(Keras.input(8, 8, 4)));
    assertEquals("Input 0 of layer \"dw\" is incompatible with the layer: expected axis -1 of"
        + " input shape to have value 3, but received input with shape (None, 8, 8, 4)",
        e.getMessage());
  }
}
