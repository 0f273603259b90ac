package org.jkeras.backend.cpu;

import org.jkeras.backend.ConvGeometry;
import org.jkeras.backend.ConvKernels;
import org.jkeras.backend.DType;
import org.jkeras.backend.FusedActivation;
import org.jkeras.backend.Shape;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;

/**
 * CPU convolution kernels: im2col + GEMM, the input gradient as GEMM + col2im, the kernel
 * gradient as a GEMM summed over blocks of rows. A 1x1 convolution with stride 1 skips im2col:
 * the input already is the matrix.
 *
 * <p>Why im2col + GEMM rather than a direct kernel: all the arithmetic then runs in OpenBLAS's
 * sgemm, and im2col only copies contiguous runs of channels. Measured on the 2-core Zen 5 box
 * (busy with other builds, so loose figures), batch 32, "same", forward: 32x32x32 -> 64 3x3 took
 * 15-18 ms with im2col + GEMM (66-80 GFLOP/s, im2col 3-6 ms of it) against 145-185 ms for a
 * direct Vector API kernel (an FMA over the output channels per tap and input channel);
 * 8x8x256 -> 256 3x3 took 29-65 ms against 180-320 ms. The exception is a first layer over one
 * to three channels, where a GEMM with k = 9 to 27 is mostly overhead: at most {@link
 * DirectConv#MAX_PRODUCTS} products per output run directly ({@link DirectConv}).
 *
 * <p>Im2col runs in blocks of about {@link #BLOCK_FLOATS} floats, each thread laying out its
 * block and multiplying it (or, for the input gradient, filling it and adding it back) while it
 * is still in cache: on the cnn benchmark's second layer the whole batch's matrix (9 MB) went
 * to memory and back before. Each call allocates only its output; a thread's im2col buffer is
 * reused across blocks and calls.
 */
final class CpuConv implements ConvKernels {
  /**
   * Im2col floats laid out and multiplied at a time by one thread (512 KiB), so the GEMM packs
   * them from the core's cache rather than from memory. The cnn benchmark's second layer
   * forward, one run per size: 16 Ki floats 1.50 ms, 32 Ki 1.22, 64 Ki 1.14, 128 Ki 1.08,
   * 256 Ki 1.07 (smaller blocks make more calls, each packing the kernel again).
   */
  static final int BLOCK_FLOATS = 1 << 17;

  /** The most im2col floats held at once for the input gradient of large images (16 MiB). */
  static final int COLS_LIMIT = 1 << 22;

  private static final ThreadLocal<float[]> COLS = ThreadLocal.withInitial(() -> new float[0]);

  private final CpuDepthwise depthwise = new CpuDepthwise();
  private final CpuPooling pooling = new CpuPooling();

  @Override
  public Tensor conv(Tensor input, Tensor kernel, ConvGeometry geometry) {
    return conv(input, kernel, null, FusedActivation.LINEAR, geometry);
  }

  /**
   * With a bias or an activation, each block of output rows gets them right after its GEMM
   * ({@link EpilogueGemm}); without, the GEMM is the plain parallel one.
   */
  @Override
  public Tensor conv(Tensor input, Tensor kernel, Tensor bias, FusedActivation activation,
      ConvGeometry geometry) {
    input.requireDType(DType.FLOAT32);
    kernel.requireDType(DType.FLOAT32);
    Window3 w = new Window3(geometry);
    int n = input.shape().dim(0);
    int ci = input.shape().dim(-1);
    int co = kernel.shape().dim(-1);
    int k = w.taps * ci;
    Shape outShape = geometry.outputShape(n, co);
    // Every path below writes every output; with no products (k = 0) the GEMMs may not.
    float[] out = k == 0 ? StepArena.zeroedFloats(outShape.sizeAsInt())
        : StepArena.floats(outShape.sizeAsInt());
    boolean plain = bias == null && activation == FusedActivation.LINEAR;
    if (out.length == 0 || (k == 0 && plain)) {
      return Tensor.wrap(out, outShape);
    }
    float[] bv = bias == null ? null : bias.floatData();
    float[] x = input.floatData();
    float[] kv = kernel.floatData();
    if (w.isPointwise()) {
      gemm(plain, n * w.outVol, co, k, x, kv, out, 0, activation, bv);
      return Tensor.wrap(out, outShape);
    }
    if (DirectConv.applies(w, ci)) {
      DirectConv.forward(x, ci, w, n, kv, co, bv, activation, out);
      return Tensor.wrap(out, outShape);
    }
    int rows = n * w.outVol;
    int block = blockRows(k);
    // Each thread lays out a block of rows and multiplies it while the block is in its cache.
    CpuThreads.parallelFor(rows, (long) k * co, (lo, hi) -> {
      float[] cols = colsBuffer(Math.min(block, hi - lo) * k);
      Gemm gemm = CpuGemm.singleThreaded();
      for (int r = lo; r < hi; r += block) {
        int e = Math.min(hi, r + block);
        Im2col.rows(x, ci, w, r, e, cols);
        gemm.sgemm(false, false, e - r, co, k, 1f, cols, 0, k, kv, 0, co, 0f, out, r * co, co);
        if (!plain) {
          BiasActivation.forwardRows(activation, bv, out, 0, r, e, co);
        }
      }
    });
    return Tensor.wrap(out, outShape);
  }

  /** {@code out[outOff..] = a (m x k) * kernel (k x co)}, then bias and activation unless plain. */
  private static void gemm(boolean plain, int m, int co, int k, float[] a, float[] kernel,
      float[] out, int outOff, FusedActivation activation, float[] bias) {
    if (plain) {
      CpuGemm.get().sgemm(false, false, m, co, k, 1f, a, 0, k, kernel, 0, co, 0f, out, outOff,
          co);
    } else {
      EpilogueGemm.sgemm(m, co, k, a, 0, k, kernel, 0, co, out, outOff,
          (r0, r1) -> BiasActivation.forwardRows(activation, bias, out, outOff, r0, r1, co));
    }
  }

  @Override
  public Tensor convBackwardInput(Tensor gradOutput, Tensor kernel, ConvGeometry geometry) {
    gradOutput.requireDType(DType.FLOAT32);
    kernel.requireDType(DType.FLOAT32);
    Window3 w = new Window3(geometry);
    int n = gradOutput.shape().dim(0);
    int co = gradOutput.shape().dim(-1);
    int ci = kernel.shape().dim(-2);
    int k = w.taps * ci;
    Shape inShape = geometry.inputShape(n, ci);
    // col2im adds overlapping windows into dx; a pointwise GEMM writes it whole.
    float[] dx = w.isPointwise() && co > 0 && w.outVol > 0
        ? StepArena.floats(inShape.sizeAsInt()) : StepArena.zeroedFloats(inShape.sizeAsInt());
    if (dx.length == 0 || co == 0 || w.outVol == 0) {
      return Tensor.wrap(dx, inShape);
    }
    float[] gy = gradOutput.floatData();
    float[] kv = kernel.floatData();
    Gemm gemm = CpuGemm.get();
    if (w.isPointwise()) {
      gemm.sgemm(false, true, n * w.outVol, ci, co, 1f, gy, 0, co, kv, 0, co, 0f, dx, 0, ci);
      return Tensor.wrap(dx, inShape);
    }
    long perImage = (long) w.outVol * k;
    if (perImage > COLS_LIMIT / CpuThreads.maxThreads()) {
      // Images too large for a buffer per thread: one at a time, the GEMM split across threads.
      float[] cols = colsBuffer((int) perImage);
      for (int i = 0; i < n; i++) {
        gemm.sgemm(false, true, w.outVol, k, co, 1f, gy, i * w.outVol * co, co, kv, 0, co, 0f,
            cols, 0, k);
        Im2col.col2im(cols, ci, w, i, i + 1, dx);
      }
      return Tensor.wrap(dx, inShape);
    }
    // Images never share input positions, so threads take whole images, in blocks that stay
    // in cache between the GEMM and col2im.
    int block = (int) Math.max(1, BLOCK_FLOATS / perImage);
    CpuThreads.parallelFor(n, perImage * co, (lo, hi) -> {
      float[] cols = colsBuffer((int) (Math.min(block, hi - lo) * perImage));
      Gemm inner = CpuGemm.singleThreaded();
      for (int i = lo; i < hi; i += block) {
        int e = Math.min(hi, i + block);
        inner.sgemm(false, true, (e - i) * w.outVol, k, co, 1f, gy, i * w.outVol * co, co, kv,
            0, co, 0f, cols, 0, k);
        Im2col.col2im(cols, ci, w, i, e, dx);
      }
    });
    return Tensor.wrap(dx, inShape);
  }

  @Override
  public Tensor convBackwardKernel(Tensor input, Tensor gradOutput, ConvGeometry geometry) {
    input.requireDType(DType.FLOAT32);
    gradOutput.requireDType(DType.FLOAT32);
    Window3 w = new Window3(geometry);
    int n = input.shape().dim(0);
    int ci = input.shape().dim(-1);
    int co = gradOutput.shape().dim(-1);
    int k = w.taps * ci;
    int r = geometry.rank();
    int[] kdims = new int[r + 2];
    for (int a = 0; a < r; a++) {
      kdims[a] = geometry.windowSize(a);
    }
    kdims[r] = ci;
    kdims[r + 1] = co;
    Shape kShape = Shape.of(kdims);
    float[] dk = new float[kShape.sizeAsInt()];
    if (dk.length == 0 || n == 0 || w.outVol == 0) {
      return Tensor.wrap(dk, kShape);
    }
    float[] x = input.floatData();
    float[] gy = gradOutput.floatData();
    Gemm gemm = CpuGemm.get();
    if (w.isPointwise()) {
      gemm.sgemm(true, false, k, co, n * w.outVol, 1f, x, 0, k, gy, 0, co, 0f, dk, 0, co);
      return Tensor.wrap(dk, kShape);
    }
    if (DirectConv.applies(w, ci)) {
      DirectConv.kernelGradient(x, ci, w, n, gy, co, dk);
      return Tensor.wrap(dk, kShape);
    }
    int block = blockRows(k);
    // Threads split the rows, each summing its share into its own partial kernel gradient one
    // cached block at a time; the partials are added in row order.
    SummedProduct.inPartials(n * w.outVol, (long) k * co, k, co, 0f, dk, 0, co,
        (lo, hi, partial) -> {
          float[] cols = colsBuffer(Math.min(block, hi - lo) * k);
          for (int b = lo; b < hi; b += block) {
            int e = Math.min(hi, b + block);
            Im2col.rows(x, ci, w, b, e, cols);
            CpuGemm.singleThreaded().sgemm(true, false, k, co, e - b, 1f, cols, 0, k, gy,
                b * co, co, b == lo ? 0f : 1f, partial, 0, co);
          }
        });
    return Tensor.wrap(dk, kShape);
  }

  /**
   * The calling thread's im2col buffer, grown when too small. Allocating it per call (up to 16
   * MiB, a G1 humongous object) cost more than the GEMM: a 32x32x32x32 -> 64 3x3 conv took 44-320
   * ms that way and about 20 ms reusing it.
   */
  private static float[] colsBuffer(int size) {
    float[] b = COLS.get();
    if (b.length < size) {
      b = new float[size];
      COLS.set(b);
    }
    return b;
  }

  /** Im2col rows per block: about {@link #BLOCK_FLOATS} floats, at least one row. */
  static int blockRows(int k) {
    return Math.max(1, BLOCK_FLOATS / Math.max(1, k));
  }

  @Override
  public Tensor depthwiseConv(Tensor input, Tensor kernel, ConvGeometry geometry) {
    return depthwise.forward(input, kernel, geometry);
  }

  @Override
  public Tensor depthwiseConvBackwardInput(
      Tensor gradOutput, Tensor kernel, ConvGeometry geometry) {
    return depthwise.backwardInput(gradOutput, kernel, geometry);
  }

  @Override
  public Tensor depthwiseConvBackwardKernel(
      Tensor input, Tensor gradOutput, ConvGeometry geometry) {
    return depthwise.backwardKernel(input, gradOutput, geometry);
  }

  @Override
  public Tensor maxPool(Tensor input, ConvGeometry geometry) {
    return pooling.maxPool(input, geometry);
  }

  @Override
  public Tensor maxPoolBackward(
      Tensor input, Tensor output, Tensor gradOutput, ConvGeometry geometry) {
    return pooling.maxPoolBackward(input, output, gradOutput, geometry);
  }

  @Override
  public Tensor averagePool(Tensor input, ConvGeometry geometry) {
    return pooling.averagePool(input, geometry);
  }

  @Override
  public Tensor averagePoolBackward(Tensor gradOutput, ConvGeometry geometry) {
    return pooling.averagePoolBackward(gradOutput, geometry);
  }
}
