package org.jkeras.backend.cpu;

import org.jkeras.backend.ConvGeometry;
import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * Depthwise convolution, direct: each channel meets only its own kernel column, so there is no
 * GEMM to speak of; the inner loops run over the contiguous channels with the Vector API.
 */
final class CpuDepthwise {
  Tensor forward(Tensor input, Tensor kernel, ConvGeometry geometry) {
    input.requireDType(DType.FLOAT32);
    kernel.requireDType(DType.FLOAT32);
    Window3 w = new Window3(geometry);
    int n = input.shape().dim(0);
    int c = input.shape().dim(-1);
    int m = kernel.shape().dim(-1);
    int cm = c * m;
    Shape outShape = geometry.outputShape(n, cm);
    float[] out = new float[outShape.sizeAsInt()];
    float[] x = input.floatData();
    float[] kv = kernel.floatData();
    CpuThreads.parallelFor(n * w.outVol, (long) w.taps * cm, (lo, hi) -> {
      int[] tap = new int[w.taps];
      int[] src = new int[w.taps];
      for (int r = lo; r < hi; r++) {
        int img = r / w.outVol;
        int count = w.validTaps(r % w.outVol, tap, src);
        int o = r * cm;
        for (int j = 0; j < count; j++) {
          int s = (img * w.inVol + src[j]) * c;
          int kt = tap[j] * cm;
          if (m == 1) {
            RowMath.addProduct(out, o, x, s, kv, kt, c);
          } else {
            for (int ch = 0; ch < c; ch++) {
              RowMath.addScaled(out, o + ch * m, kv, kt + ch * m, x[s + ch], m);
            }
          }
        }
      }
    });
    return Tensor.wrap(out, outShape);
  }

  Tensor backwardInput(Tensor gradOutput, Tensor kernel, ConvGeometry geometry) {
    gradOutput.requireDType(DType.FLOAT32);
    kernel.requireDType(DType.FLOAT32);
    Window3 w = new Window3(geometry);
    int n = gradOutput.shape().dim(0);
    int c = kernel.shape().dim(-2);
    int m = kernel.shape().dim(-1);
    int cm = c * m;
    Shape inShape = geometry.inputShape(n, c);
    float[] gx = new float[inShape.sizeAsInt()];
    float[] gy = gradOutput.floatData();
    float[] kv = kernel.floatData();
    // Images write disjoint parts of gx, so they split across threads.
    CpuThreads.parallelFor(n, (long) w.outVol * w.taps * cm, (lo, hi) -> {
      int[] tap = new int[w.taps];
      int[] src = new int[w.taps];
      for (int img = lo; img < hi; img++) {
        for (int pos = 0; pos < w.outVol; pos++) {
          int count = w.validTaps(pos, tap, src);
          int o = (img * w.outVol + pos) * cm;
          for (int j = 0; j < count; j++) {
            int s = (img * w.inVol + src[j]) * c;
            int kt = tap[j] * cm;
            if (m == 1) {
              RowMath.addProduct(gx, s, gy, o, kv, kt, c);
            } else {
              for (int ch = 0; ch < c; ch++) {
                float sum = 0f;
                for (int q = 0; q < m; q++) {
                  sum += gy[o + ch * m + q] * kv[kt + ch * m + q];
                }
                gx[s + ch] += sum;
              }
            }
          }
        }
      }
    });
    return Tensor.wrap(gx, inShape);
  }

  Tensor backwardKernel(Tensor input, Tensor gradOutput, ConvGeometry geometry) {
    input.requireDType(DType.FLOAT32);
    gradOutput.requireDType(DType.FLOAT32);
    Window3 w = new Window3(geometry);
    int n = input.shape().dim(0);
    int c = input.shape().dim(-1);
    int cm = gradOutput.shape().dim(-1);
    int m = c == 0 ? 0 : cm / c;
    int r = geometry.rank();
    int[] kdims = new int[r + 2];
    for (int a = 0; a < r; a++) {
      kdims[a] = geometry.windowSize(a);
    }
    kdims[r] = c;
    kdims[r + 1] = m;
    Shape kShape = Shape.of(kdims);
    float[] x = input.floatData();
    float[] gy = gradOutput.floatData();
    // Every image adds into the whole kernel gradient: each chunk of images sums into its own
    // partial, and the partials are added at the end.
    long workPerImage = (long) w.outVol * w.taps * cm;
    int chunks = CpuThreads.chunkCount(n, workPerImage);
    float[][] partial = new float[Math.max(1, chunks)][];
    int perChunk = (n + partial.length - 1) / Math.max(1, partial.length);
    CpuThreads.parallelFor(partial.length, workPerImage * perChunk, (lo, hi) -> {
      int[] tap = new int[w.taps];
      int[] src = new int[w.taps];
      for (int part = lo; part < hi; part++) {
        float[] dk = new float[kShape.sizeAsInt()];
        partial[part] = dk;
        int end = Math.min(n, (part + 1) * perChunk);
        for (int img = part * perChunk; img < end; img++) {
          for (int pos = 0; pos < w.outVol; pos++) {
            int count = w.validTaps(pos, tap, src);
            int o = (img * w.outVol + pos) * cm;
            for (int j = 0; j < count; j++) {
              int s = (img * w.inVol + src[j]) * c;
              int kt = tap[j] * cm;
              if (m == 1) {
                RowMath.addProduct(dk, kt, x, s, gy, o, c);
              } else {
                for (int ch = 0; ch < c; ch++) {
                  RowMath.addScaled(dk, kt + ch * m, gy, o + ch * m, x[s + ch], m);
                }
              }
            }
          }
        }
      }
    });
    float[] total = partial[0];
    for (int p = 1; p < partial.length; p++) {
      RowMath.add(total, 0, partial[p], 0, total.length);
    }
    return Tensor.wrap(total, kShape);
  }
}
