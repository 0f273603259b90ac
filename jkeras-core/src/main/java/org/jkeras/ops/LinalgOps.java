package org.jkeras.ops;

import static org.jkeras.ops.Broadcasting.reduceTo;

import java.util.Arrays;
import org.jkeras.backend.Backend;
import org.jkeras.backend.FusedActivation;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Matrix products with gradients, and Dense's product with its bias and activation fused in. */
public final class LinalgOps {
  private LinalgOps() {}

  /** {@code matmul(a, b)} with numpy semantics (1-D operands promoted and squeezed, batch axes broadcast). */
  public static Tensor matmul(Tensor a, Tensor b) {
    return matmul(a, b, false, false);
  }

  /**
   * Matrix product of {@code a} and {@code b}, each optionally transposed in its last two axes.
   * 1-D operands are treated as a row (first) or column (second) vector and that axis is dropped
   * from the result, as in numpy.
   */
  public static Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    if (a.rank() == 0 || b.rank() == 0) {
      throw IncompatibleShapesException.of("matmul", a.shape(), b.shape(),
          "matmul does not take scalars; use multiply.");
    }
    boolean vecA = a.rank() == 1;
    boolean vecB = b.rank() == 1;
    Tensor a2 = vecA ? a.withShape(Shape.of(1, a.size())) : a;
    Tensor b2 = vecB ? b.withShape(Shape.of(b.size(), 1)) : b;
    boolean ta = transposeA && !vecA;
    boolean tb = transposeB && !vecB;
    Tensor y2 = Backend.current().linalg().matmul(a2, b2, ta, tb);
    Tensor y = y2;
    if (vecA || vecB) {
      int[] dims = y2.shape().dims();
      int r = dims.length;
      int[] out = vecA && vecB ? Arrays.copyOf(dims, r - 2)
          : vecA ? dropAxis(dims, r - 2) : dropAxis(dims, r - 1);
      y = y2.withShape(Shape.of(out));
    }
    if (GradientTape.shouldRecord(a, b)) {
      Tensor result = y;
      GradientTape.record("matmul", y, new Tensor[] {a, b}, g -> {
        Tensor g2 = g.withShape(y2.shape());
        var lin = Backend.current().linalg();
        // d(A B)/dA = G B^T, d/dB = A^T G, with the transposes folded into the GEMM flags.
        Tensor ga = ta ? lin.matmul(b2, g2, tb, true) : lin.matmul(g2, b2, false, !tb);
        Tensor gb = tb ? lin.matmul(g2, a2, true, ta) : lin.matmul(a2, g2, !ta, false);
        ga = reduceTo(ga, a2.shape());
        gb = reduceTo(gb, b2.shape());
        return new Tensor[] {
          ga.withShape(a.shape()), gb.withShape(b.shape())
        };
      });
      return result;
    }
    return y;
  }

  /**
   * {@code activation(x @ kernel + bias)}, Dense's computation, as one op with one tape record:
   * {@code x (..., k)}, {@code kernel (k, units)}, {@code bias (units)} or null. The bias and
   * activation run on each block of the GEMM's output while it is in cache; the backward computes
   * the pre-activation gradient from the output once, for the bias, kernel and input gradients.
   */
  public static Tensor dense(Tensor x, Tensor kernel, Tensor bias, FusedActivation activation) {
    FusedEpilogue.checkActivation("dense", activation);
    if (x.rank() == 0 || kernel.rank() != 2) {
      throw IncompatibleShapesException.of("dense", x.shape(), kernel.shape(),
          "the inputs need rank 1 or more and the kernel rank 2, (input_dim, units).");
    }
    if (x.shape().dim(-1) != kernel.shape().dim(0)) {
      throw IncompatibleShapesException.of("dense", x.shape(), kernel.shape(),
          "the inputs' last axis (" + x.shape().dim(-1) + ") must equal the kernel's input_dim ("
              + kernel.shape().dim(0) + "); the kernel is (input_dim, units).");
    }
    MathOps.requireFloat("dense", x, kernel);
    int k = kernel.shape().dim(0);
    int units = kernel.shape().dim(1);
    FusedEpilogue.checkBias("dense", bias, units, kernel.shape());
    Tensor y = Backend.current().linalg().dense(x, kernel, bias, activation);
    Tensor[] operands = bias == null ? new Tensor[] {x, kernel} : new Tensor[] {x, kernel, bias};
    if (GradientTape.shouldRecord(operands)) {
      boolean needX = GradientTape.shouldRecord(x);
      boolean needKernel = GradientTape.shouldRecord(kernel);
      boolean needBias = bias != null && GradientTape.shouldRecord(bias);
      int rows = x.shape().withDim(-1, 1).sizeAsInt();
      GradientTape.record("dense", y, operands, g -> {
        Tensor dz = FusedEpilogue.preActivationGradient(activation, y, g)
            .withShape(Shape.of(rows, units));
        var lin = Backend.current().linalg();
        Tensor gx = needX ? lin.matmul(dz, kernel, false, true).withShape(x.shape()) : null;
        Tensor gk = needKernel ? lin.matmul(x.withShape(Shape.of(rows, k)), dz, true, false)
            : null;
        return bias == null ? new Tensor[] {gx, gk}
            : new Tensor[] {gx, gk, needBias ? FusedEpilogue.biasGradient(dz) : null};
      });
    }
    return y;
  }

  private static int[] dropAxis(int[] dims, int axis) {
    int[] out = new int[dims.length - 1];
    for (int i = 0, j = 0; i < dims.length; i++) {
      if (i != axis) {
        out[j++] = dims[i];
      }
    }
    return out;
  }
}
