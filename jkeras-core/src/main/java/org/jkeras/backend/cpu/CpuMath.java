package org.jkeras.backend.cpu;

import org.jkeras.backend.BinaryFunction;
import org.jkeras.backend.Broadcast;
import org.jkeras.backend.DType;
import org.jkeras.backend.MathKernels;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.UnaryFunction;

/** CPU elementwise kernels. */
final class CpuMath implements MathKernels {
  @Override
  public Tensor unary(UnaryFunction fn, Tensor x) {
    x.requireDType(DType.FLOAT32);
    float[] in = x.floatData();
    float[] out = new float[in.length];
    CpuThreads.parallelFor(in.length, 8, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        out[i] = apply(fn, in[i]);
      }
    });
    return Tensor.wrap(out, x.shape());
  }

  private static float apply(UnaryFunction fn, float v) {
    return switch (fn) {
      case NEGATIVE -> -v;
      case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-v)));
      case TANH -> (float) Math.tanh(v);
      case EXP -> (float) Math.exp(v);
      case LOG -> (float) Math.log(v);
    };
  }

  @Override
  public Tensor binary(BinaryFunction fn, Tensor a, Tensor b) {
    a.requireDType(DType.FLOAT32);
    b.requireDType(DType.FLOAT32);
    Shape out = Broadcast.shape(fn.name().toLowerCase(java.util.Locale.ROOT), a.shape(), b.shape());
    float[] av = a.floatData();
    float[] bv = b.floatData();
    float[] r = new float[out.sizeAsInt()];
    if (a.shape().equals(b.shape())) {
      for (int i = 0; i < r.length; i++) {
        r[i] = apply(fn, av[i], bv[i]);
      }
      return Tensor.wrap(r, out);
    }
    int[] sa = Broadcast.stridesIn(a.shape(), out);
    int[] sb = Broadcast.stridesIn(b.shape(), out);
    int[] dims = out.dims();
    int[] idx = new int[dims.length];
    int ia = 0;
    int ib = 0;
    for (int i = 0; i < r.length; i++) {
      r[i] = apply(fn, av[ia], bv[ib]);
      for (int d = dims.length - 1; d >= 0; d--) {
        idx[d]++;
        ia += sa[d];
        ib += sb[d];
        if (idx[d] < dims[d]) {
          break;
        }
        ia -= sa[d] * dims[d];
        ib -= sb[d] * dims[d];
        idx[d] = 0;
      }
    }
    return Tensor.wrap(r, out);
  }

  private static float apply(BinaryFunction fn, float x, float y) {
    return switch (fn) {
      case ADD -> x + y;
      case SUBTRACT -> x - y;
      case MULTIPLY -> x * y;
      case DIVIDE -> x / y;
    };
  }
}
