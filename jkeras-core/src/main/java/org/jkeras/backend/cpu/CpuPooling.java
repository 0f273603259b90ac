package org.jkeras.backend.cpu;

import static org.jkeras.backend.cpu.GateMath.L;
import static org.jkeras.backend.cpu.GateMath.S;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.jkeras.backend.ConvGeometry;
import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.backend.StepArena;
import org.jkeras.backend.Tensor;

/**
 * Max and average pooling, channels_last: each window tap is a contiguous run of channels, so
 * the inner loops are Vector API max/add over channels; images split across threads when large.
 * Padded positions are skipped, never read: they cannot win a max, and an average divides by
 * the number of real positions in its window (TensorFlow's rule for "same" padding).
 */
final class CpuPooling {
  Tensor maxPool(Tensor input, ConvGeometry geometry) {
    return pool(input, geometry, true);
  }

  Tensor averagePool(Tensor input, ConvGeometry geometry) {
    return pool(input, geometry, false);
  }

  private static Tensor pool(Tensor input, ConvGeometry geometry, boolean max) {
    input.requireDType(DType.FLOAT32);
    Window3 w = new Window3(geometry);
    int n = input.shape().dim(0);
    int c = input.shape().dim(-1);
    Shape outShape = geometry.outputShape(n, c);
    // The max pool starts every output at -inf; the average adds into zeros.
    float[] out = max ? StepArena.floats(outShape.sizeAsInt())
        : StepArena.zeroedFloats(outShape.sizeAsInt());
    float[] x = input.floatData();
    CpuThreads.parallelFor(n, (long) w.outVol * w.taps * c, (lo, hi) -> {
      int[] tap = new int[w.taps];
      int[] src = new int[w.taps];
      for (int img = lo; img < hi; img++) {
        for (int pos = 0; pos < w.outVol; pos++) {
          int count = w.validTaps(pos, tap, src);
          int o = (img * w.outVol + pos) * c;
          if (max) {
            Arrays.fill(out, o, o + c, Float.NEGATIVE_INFINITY);
          }
          for (int j = 0; j < count; j++) {
            int s = (img * w.inVol + src[j]) * c;
            if (max) {
              RowMath.max(out, o, x, s, c);
            } else {
              RowMath.add(out, o, x, s, c);
            }
          }
          if (!max && count > 0) {
            RowMath.scale(out, o, 1f / count, c);
          }
        }
      }
    });
    return Tensor.wrap(out, outShape);
  }

  Tensor maxPoolBackward(Tensor input, Tensor output, Tensor gradOutput, ConvGeometry geometry) {
    input.requireDType(DType.FLOAT32);
    output.requireDType(DType.FLOAT32);
    gradOutput.requireDType(DType.FLOAT32);
    Window3 w = new Window3(geometry);
    int n = input.shape().dim(0);
    int c = input.shape().dim(-1);
    float[] gx = StepArena.zeroedFloats(input.size());
    float[] x = input.floatData();
    float[] y = output.floatData();
    float[] gy = gradOutput.floatData();
    CpuThreads.parallelFor(n, (long) w.outVol * w.taps * c, (lo, hi) -> {
      int[] tap = new int[w.taps];
      int[] src = new int[w.taps];
      boolean[] routed = new boolean[c];
      for (int img = lo; img < hi; img++) {
        for (int pos = 0; pos < w.outVol; pos++) {
          int count = w.validTaps(pos, tap, src);
          int o = (img * w.outVol + pos) * c;
          Arrays.fill(routed, false);
          for (int j = 0; j < count; j++) {
            routeToMaximum(x, (img * w.inVol + src[j]) * c, y, gy, o, gx, routed, c);
          }
        }
      }
    });
    return Tensor.wrap(gx, input.shape());
  }

  /**
   * Adds {@code gy[o..]} to {@code gx[s..]} in each channel where this tap holds the window's
   * maximum and no earlier tap did ({@code routed}): the first maximum takes the gradient.
   */
  private static void routeToMaximum(float[] x, int s, float[] y, float[] gy, int o, float[] gx,
      boolean[] routed, int c) {
    int ch = 0;
    for (int end = S.loopBound(c); ch < end; ch += L) {
      VectorMask<Float> first = FloatVector.fromArray(S, x, s + ch)
          .compare(VectorOperators.EQ, FloatVector.fromArray(S, y, o + ch))
          .andNot(VectorMask.fromArray(S, routed, ch));
      FloatVector.fromArray(S, gx, s + ch)
          .add(FloatVector.fromArray(S, gy, o + ch), first).intoArray(gx, s + ch);
      first.or(VectorMask.fromArray(S, routed, ch)).intoArray(routed, ch);
    }
    for (; ch < c; ch++) {
      if (!routed[ch] && x[s + ch] == y[o + ch]) {
        gx[s + ch] += gy[o + ch];
        routed[ch] = true;
      }
    }
  }

  Tensor averagePoolBackward(Tensor gradOutput, ConvGeometry geometry) {
    gradOutput.requireDType(DType.FLOAT32);
    Window3 w = new Window3(geometry);
    int n = gradOutput.shape().dim(0);
    int c = gradOutput.shape().dim(-1);
    Shape inShape = geometry.inputShape(n, c);
    float[] gx = StepArena.zeroedFloats(inShape.sizeAsInt());
    float[] gy = gradOutput.floatData();
    CpuThreads.parallelFor(n, (long) w.outVol * w.taps * c, (lo, hi) -> {
      int[] tap = new int[w.taps];
      int[] src = new int[w.taps];
      for (int img = lo; img < hi; img++) {
        for (int pos = 0; pos < w.outVol; pos++) {
          int count = w.validTaps(pos, tap, src);
          int o = (img * w.outVol + pos) * c;
          for (int j = 0; j < count; j++) {
            RowMath.addScaled(gx, (img * w.inVol + src[j]) * c, gy, o, 1f / count, c);
          }
        }
      }
    });
    return Tensor.wrap(gx, inShape);
  }
}
