package org.jkeras.backend.cpu;

import org.jkeras.backend.Broadcast;
import org.jkeras.backend.DType;
import org.jkeras.backend.FusedActivation;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.LinalgKernels;
import org.jkeras.backend.Shape;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;

/**
 * Batched matmul as one GEMM per batch entry, or one big GEMM when B has no batch axes; Dense's
 * product with its bias and activation fused in ({@link EpilogueGemm}).
 */
final class CpuLinalg implements LinalgKernels {
  @Override
  public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    a.requireDType(DType.FLOAT32);
    b.requireDType(DType.FLOAT32);
    Shape sa = a.shape();
    Shape sb = b.shape();
    if (sa.rank() < 2 || sb.rank() < 2) {
      throw new IncompatibleShapesException(
          "matmul: both operands need rank 2 or more here, got " + sa + " and " + sb + ".");
    }
    int ra = sa.rank();
    int rb = sb.rank();
    int m = transposeA ? sa.dim(ra - 1) : sa.dim(ra - 2);
    int k = transposeA ? sa.dim(ra - 2) : sa.dim(ra - 1);
    int kb = transposeB ? sb.dim(rb - 1) : sb.dim(rb - 2);
    int n = transposeB ? sb.dim(rb - 2) : sb.dim(rb - 1);
    if (k != kb) {
      throw IncompatibleShapesException.of("matmul", sa, sb,
          "the contracted dimensions differ (" + k + " vs " + kb + ")"
              + (transposeA || transposeB ? " after transposition" : "")
              + "; the last axis of the first must match the second-to-last of the second.");
    }
    Shape batchA = Shape.of(java.util.Arrays.copyOf(sa.dims(), ra - 2));
    Shape batchB = Shape.of(java.util.Arrays.copyOf(sb.dims(), rb - 2));
    Shape batch = Broadcast.shape("matmul", batchA, batchB);
    int[] outDims = java.util.Arrays.copyOf(batch.dims(), batch.rank() + 2);
    outDims[batch.rank()] = m;
    outDims[batch.rank() + 1] = n;
    Shape outShape = Shape.of(outDims);
    // The GEMMs (beta 0) write every element, unless there is nothing to sum (k = 0).
    float[] c = k == 0 ? StepArena.zeroedFloats(outShape.sizeAsInt())
        : StepArena.floats(outShape.sizeAsInt());
    float[] av = a.floatData();
    float[] bv = b.floatData();
    int lda = sa.dim(ra - 1);
    int ldb = sb.dim(rb - 1);
    Gemm gemm = CpuGemm.get();
    if (batchB.rank() == 0 && !transposeA) {
      // B is one matrix: fold A's batch axes into its rows for one large GEMM.
      int rows = a.size() / Math.max(1, k);
      gemm.sgemm(false, transposeB, rows, n, k, 1f, av, 0, lda, bv, 0, ldb, 0f, c, 0, n);
      return Tensor.wrap(c, outShape);
    }
    int batchCount = batch.sizeAsInt();
    int[] strideA = Broadcast.stridesIn(batchA, batch);
    int[] strideB = Broadcast.stridesIn(batchB, batch);
    int[] bdims = batch.dims();
    if (batchCount < CpuThreads.maxThreads()) {
      // Few large products: let each GEMM use every thread instead.
      for (int i = 0; i < batchCount; i++) {
        int[] off = batchOffsets(i, bdims, strideA, strideB);
        gemm.sgemm(transposeA, transposeB, m, n, k, 1f, av, off[0] * m * k, lda, bv,
            off[1] * k * n, ldb, 0f, c, i * m * n, n);
      }
      return Tensor.wrap(c, outShape);
    }
    int matA = m * k;
    int matB = k * n;
    CpuThreads.parallelFor(batchCount, 2L * m * n * k / 64, (lo, hi) -> {
      Gemm inner = CpuGemm.singleThreaded();
      for (int i = lo; i < hi; i++) {
        int[] off = batchOffsets(i, bdims, strideA, strideB);
        inner.sgemm(transposeA, transposeB, m, n, k, 1f, av, off[0] * matA, lda, bv,
            off[1] * matB, ldb,
            0f, c, i * m * n, n);
      }
    });
    return Tensor.wrap(c, outShape);
  }

  @Override
  public Tensor dense(Tensor x, Tensor kernel, Tensor bias, FusedActivation activation) {
    x.requireDType(DType.FLOAT32);
    kernel.requireDType(DType.FLOAT32);
    int k = kernel.shape().dim(0);
    int n = kernel.shape().dim(1);
    Shape outShape = x.shape().withDim(-1, n);
    float[] c = k == 0 ? StepArena.zeroedFloats(outShape.sizeAsInt())
        : StepArena.floats(outShape.sizeAsInt());
    int rows = n == 0 ? 0 : c.length / n;
    float[] bv = bias == null ? null : bias.floatData();
    // x read where it lies: a batch of rows served in place is not copied.
    EpilogueGemm.sgemm(rows, n, k, x.floatStorage(), x.storageOffset(), k, kernel.floatData(), 0,
        n, c, 0,
        (r0, r1) -> BiasActivation.forwardRows(activation, bv, c, 0, r0, r1, n));
    return Tensor.wrap(c, outShape);
  }

  /** The batch-entry indices into A and B for output batch entry {@code i}. */
  private static int[] batchOffsets(int i, int[] bdims, int[] strideA, int[] strideB) {
    int ia = 0;
    int ib = 0;
    int rem = i;
    for (int d = bdims.length - 1; d >= 0; d--) {
      int idx = rem % bdims[d];
      rem /= bdims[d];
      ia += idx * strideA[d];
      ib += idx * strideB[d];
    }
    return new int[] {ia, ib};
  }
}
