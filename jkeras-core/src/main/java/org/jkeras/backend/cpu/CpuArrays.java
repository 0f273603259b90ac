package org.jkeras.backend.cpu;

import org.jkeras.backend.ArrayKernels;
import org.jkeras.backend.Broadcast;
import org.jkeras.backend.DType;
import org.jkeras.backend.Reduction;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** CPU reductions and data movement. */
final class CpuArrays implements ArrayKernels {
  @Override
  public Tensor reduce(Reduction reduction, Tensor x, int[] axes, boolean keepdims) {
    x.requireDType(DType.FLOAT32);
    int[] dims = x.shape().dims();
    boolean[] reduced = new boolean[dims.length];
    for (int a : axes) {
      reduced[a] = true;
    }
    int[] kept = new int[dims.length];
    int count = 1;
    for (int d = 0; d < dims.length; d++) {
      kept[d] = reduced[d] ? 1 : dims[d];
      if (reduced[d]) {
        count *= dims[d];
      }
    }
    Shape keptShape = Shape.of(kept);
    double[] acc = new double[keptShape.sizeAsInt()];
    double init = switch (reduction) {
      case SUM, MEAN -> 0.0;
      case PROD -> 1.0;
      case MAX -> Double.NEGATIVE_INFINITY;
      case MIN -> Double.POSITIVE_INFINITY;
    };
    java.util.Arrays.fill(acc, init);
    int[] outStrides = Broadcast.stridesIn(keptShape, x.shape());
    float[] in = x.floatData();
    int[] idx = new int[dims.length];
    int o = 0;
    for (int i = 0; i < in.length; i++) {
      double v = in[i];
      acc[o] = switch (reduction) {
        case SUM, MEAN -> acc[o] + v;
        case PROD -> acc[o] * v;
        case MAX -> Math.max(acc[o], v);
        case MIN -> Math.min(acc[o], v);
      };
      for (int d = dims.length - 1; d >= 0; d--) {
        idx[d]++;
        o += outStrides[d];
        if (idx[d] < dims[d]) {
          break;
        }
        o -= outStrides[d] * dims[d];
        idx[d] = 0;
      }
    }
    float[] out = new float[acc.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (reduction == Reduction.MEAN ? acc[i] / count : acc[i]);
    }
    Shape outShape = keepdims ? keptShape : dropAxes(dims, reduced);
    return Tensor.wrap(out, outShape);
  }

  private static Shape dropAxes(int[] dims, boolean[] reduced) {
    int n = 0;
    for (boolean r : reduced) {
      n += r ? 0 : 1;
    }
    int[] out = new int[n];
    int j = 0;
    for (int d = 0; d < dims.length; d++) {
      if (!reduced[d]) {
        out[j++] = dims[d];
      }
    }
    return Shape.of(out);
  }

  @Override
  public Tensor broadcastTo(Tensor x, Shape shape) {
    x.requireDType(DType.FLOAT32);
    Shape check = Broadcast.shape("broadcast_to", x.shape(), shape);
    if (!check.equals(shape)) {
      throw org.jkeras.backend.IncompatibleShapesException.of("broadcast_to", x.shape(), shape,
          "the input cannot be broadcast to the target shape.");
    }
    float[] in = x.floatData();
    float[] out = new float[shape.sizeAsInt()];
    int[] s = Broadcast.stridesIn(x.shape(), shape);
    int[] dims = shape.dims();
    int[] idx = new int[dims.length];
    int src = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = in[src];
      for (int d = dims.length - 1; d >= 0; d--) {
        idx[d]++;
        src += s[d];
        if (idx[d] < dims[d]) {
          break;
        }
        src -= s[d] * dims[d];
        idx[d] = 0;
      }
    }
    return Tensor.wrap(out, shape);
  }
}
