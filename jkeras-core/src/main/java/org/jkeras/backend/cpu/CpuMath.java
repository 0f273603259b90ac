package org.jkeras.backend.cpu;

import org.jkeras.backend.BinaryFunction;
import org.jkeras.backend.Broadcast;
import org.jkeras.backend.Comparison;
import org.jkeras.backend.DType;
import org.jkeras.backend.FusedActivation;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.MathKernels;
import org.jkeras.backend.Shape;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.UnaryFunction;

/** CPU elementwise kernels: dispatch to the vectorised loops, split over threads when large. */
final class CpuMath implements MathKernels {
  @Override
  public Tensor unary(UnaryFunction fn, Tensor x, float alpha, float beta) {
    float[] in = x.floatData();
    float[] out = StepArena.floats(in.length);
    CpuThreads.parallelForAligned(in.length, CpuUnary.cost(fn), 64,
        (lo, hi) -> CpuUnary.apply(fn, in, lo, out, lo, hi - lo, alpha, beta));
    return Tensor.wrap(out, x.shape());
  }

  @Override
  public Tensor unaryBackward(UnaryFunction fn, Tensor x, Tensor y, Tensor grad, float alpha,
      float beta) {
    if (!grad.shape().equals(x.shape()) || !y.shape().equals(x.shape())) {
      throw new IncompatibleShapesException(fn.kerasName() + " gradient: the input " + x.shape()
          + ", output " + y.shape() + " and gradient " + grad.shape() + " must have one shape.");
    }
    float[] xv = x.floatData();
    float[] yv = y.floatData();
    float[] gv = grad.floatData();
    float[] out = StepArena.floats(xv.length);
    CpuThreads.parallelForAligned(xv.length, CpuUnary.cost(fn), 64,
        (lo, hi) -> CpuUnaryGrad.apply(fn, xv, yv, gv, out, lo, hi - lo, alpha, beta));
    return Tensor.wrap(out, x.shape());
  }

  @Override
  public Tensor fusedActivationBackward(FusedActivation activation, Tensor y, Tensor grad) {
    if (!grad.shape().equals(y.shape())) {
      throw new IncompatibleShapesException(activation + " gradient: the output " + y.shape()
          + " and gradient " + grad.shape() + " must have one shape.");
    }
    return BiasActivation.backward(activation, y, grad);
  }

  @Override
  public Tensor binary(BinaryFunction fn, Tensor a, Tensor b) {
    return CpuBinary.apply(fn, a, b);
  }

  @Override
  public Tensor compare(Comparison fn, Tensor a, Tensor b) {
    Shape outShape = Broadcast.shape(fn.kerasName(), a.shape(), b.shape());
    int[] out = new int[outShape.sizeAsInt()];
    BroadcastLoop loop = BroadcastLoop.of(outShape, a.shape(), b.shape());
    int sa = loop.innerStride(0);
    int sb = loop.innerStride(1);
    if (a.dtype() == DType.FLOAT32 && b.dtype() == DType.FLOAT32) {
      float[] av = a.floatData();
      float[] bv = b.floatData();
      loop.run(1, (o, ia, ib, unused, n) -> {
        for (int i = 0; i < n; i++) {
          out[o + i] = test(fn, av[ia + i * sa], bv[ib + i * sb]) ? 1 : 0;
        }
      });
    } else {
      loop.run(1, (o, ia, ib, unused, n) -> {
        for (int i = 0; i < n; i++) {
          out[o + i] = test(fn, a.getFlat(ia + i * sa), b.getFlat(ib + i * sb)) ? 1 : 0;
        }
      });
    }
    return Tensor.wrapBools(out, outShape);
  }

  private static boolean test(Comparison fn, double x, double y) {
    return switch (fn) {
      case EQUAL -> x == y;
      case NOT_EQUAL -> x != y;
      case LESS -> x < y;
      case LESS_EQUAL -> x <= y;
      case GREATER -> x > y;
      case GREATER_EQUAL -> x >= y;
      case LOGICAL_AND -> x != 0 && y != 0;
      case LOGICAL_OR -> x != 0 || y != 0;
    };
  }

  @Override
  public Tensor logicalNot(Tensor x) {
    int[] out = new int[x.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = x.getFlat(i) == 0 ? 1 : 0;
    }
    return Tensor.wrapBools(out, x.shape());
  }

  @Override
  public Tensor where(Tensor condition, Tensor x, Tensor y) {
    Shape xy = Broadcast.shape("where", x.shape(), y.shape());
    Shape outShape = Broadcast.shape("where", condition.shape(), xy);
    Tensor cond = condition.dtype() == DType.BOOL ? condition : cast(condition, DType.BOOL);
    int[] cv = cond.intData();
    float[] xv = x.floatData();
    float[] yv = y.floatData();
    float[] out = StepArena.floats(outShape.sizeAsInt());
    BroadcastLoop loop = BroadcastLoop.of(outShape, cond.shape(), x.shape(), y.shape());
    int sc = loop.innerStride(0);
    int sx = loop.innerStride(1);
    int sy = loop.innerStride(2);
    loop.run(1, (o, ic, ix, iy, n) -> {
      for (int i = 0; i < n; i++) {
        out[o + i] = cv[ic + i * sc] != 0 ? xv[ix + i * sx] : yv[iy + i * sy];
      }
    });
    return Tensor.wrap(out, outShape);
  }

  @Override
  public Tensor cast(Tensor x, DType dtype) {
    int n = x.size();
    Shape s = x.shape();
    if (x.dtype() == DType.FLOAT32) {
      float[] in = x.floatData();
      return switch (dtype) {
        case FLOAT32 -> Tensor.wrap(in.clone(), s);
        case INT32 -> {
          int[] r = new int[n];
          for (int i = 0; i < n; i++) {
            r[i] = (int) in[i];
          }
          yield Tensor.wrapInts(r, s);
        }
        case INT64 -> {
          long[] r = new long[n];
          for (int i = 0; i < n; i++) {
            r[i] = (long) in[i];
          }
          yield Tensor.wrapLongs(r, s);
        }
        case BOOL -> {
          int[] r = new int[n];
          for (int i = 0; i < n; i++) {
            r[i] = in[i] != 0 ? 1 : 0;
          }
          yield Tensor.wrapBools(r, s);
        }
      };
    }
    return switch (dtype) {
      case FLOAT32 -> Tensor.wrap(x.toFloatArray(), s);
      case INT32 -> Tensor.wrapInts(x.toIntArray(), s);
      case INT64 -> Tensor.wrapLongs(x.toLongArray(), s);
      case BOOL -> {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
          r[i] = x.getFlat(i) != 0 ? 1 : 0;
        }
        yield Tensor.wrapBools(r, s);
      }
    };
  }

  @Override
  public Tensor softmax(Tensor x, int axis) {
    return CpuSoftmax.run(CpuSoftmax.Kind.SOFTMAX, x, null, axis);
  }

  @Override
  public Tensor logSoftmax(Tensor x, int axis) {
    return CpuSoftmax.run(CpuSoftmax.Kind.LOG_SOFTMAX, x, null, axis);
  }

  @Override
  public Tensor softmaxBackward(Tensor y, Tensor grad, int axis) {
    return CpuSoftmax.run(CpuSoftmax.Kind.SOFTMAX_GRAD, y, grad, axis);
  }

  @Override
  public Tensor logSoftmaxBackward(Tensor y, Tensor grad, int axis) {
    return CpuSoftmax.run(CpuSoftmax.Kind.LOG_SOFTMAX_GRAD, y, grad, axis);
  }
}
