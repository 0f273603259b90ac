package org.jkeras.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.cpu.CpuGradientKernels;

/**
 * Keras's gradient preprocessing before an update: unscaling by the loss scale factor and the
 * three clipping modes. Each returns new tensors; the caller's gradients are never modified.
 */
final class GradientTransforms {
  private GradientTransforms() {}

  static List<Tensor> unscale(List<Tensor> grads, double lossScaleFactor) {
    List<Tensor> out = new ArrayList<>(grads.size());
    for (Tensor g : grads) {
      out.add(CpuGradientKernels.scaled(g, 1f, (float) lossScaleFactor));
    }
    return out;
  }

  /**
   * Clips like Keras's {@code _clip_gradients}: {@code clipnorm} per tensor, else
   * {@code global_clipnorm} over all tensors, else {@code clipvalue} per element; a setting that
   * is null or not positive is off.
   */
  static List<Tensor> clip(
      List<Tensor> grads, Double clipnorm, Double globalClipnorm, Double clipvalue) {
    if (clipnorm != null && clipnorm > 0) {
      List<Tensor> out = new ArrayList<>(grads.size());
      for (Tensor g : grads) {
        double l2sum = CpuGradientKernels.sumOfSquares(g);
        double norm = l2sum > 0 ? Math.sqrt(l2sum) : l2sum;
        out.add(CpuGradientKernels.scaled(
            g, clipnorm.floatValue(), (float) Math.max(norm, clipnorm)));
      }
      return out;
    }
    if (globalClipnorm != null && globalClipnorm > 0) {
      double sum = 0;
      for (Tensor g : grads) {
        sum += CpuGradientKernels.sumOfSquares(g);
      }
      double norm = Math.sqrt(sum);
      // As Keras: a finite norm gives min(1, clip / norm); an infinite or NaN norm gives NaN.
      double scale = globalClipnorm * Math.min(1.0 / norm, 1.0 / globalClipnorm) + (norm - norm);
      List<Tensor> out = new ArrayList<>(grads.size());
      for (Tensor g : grads) {
        out.add(CpuGradientKernels.scaled(g, (float) scale, 1f));
      }
      return out;
    }
    if (clipvalue != null && clipvalue > 0) {
      List<Tensor> out = new ArrayList<>(grads.size());
      float c = clipvalue.floatValue();
      for (Tensor g : grads) {
        out.add(CpuGradientKernels.clipped(g, -c, c));
      }
      return out;
    }
    return grads;
  }
}
