package org.jkeras.backend.cpu;

import java.util.List;
import org.jkeras.backend.ArrayKernels;
import org.jkeras.backend.Reduction;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * CPU reductions and data movement; each family lives in its own class: {@link CpuReductions},
 * {@link CpuReductionGrads}, {@link CpuMovement}, {@link CpuGather}.
 */
final class CpuArrays implements ArrayKernels {
  @Override
  public Tensor reduce(Reduction reduction, Tensor x, int[] axes, boolean keepdims) {
    return CpuReductions.reduce(reduction, x, axes, keepdims);
  }

  @Override
  public Tensor reduceGradient(Reduction reduction, Tensor x, Tensor y, Tensor g, int[] axes) {
    return CpuReductionGrads.reduceGradient(reduction, x, y, g, axes);
  }

  @Override
  public Tensor argExtreme(Tensor x, int axis, boolean max) {
    return CpuReductions.argExtreme(x, axis, max);
  }

  @Override
  public Tensor broadcastTo(Tensor x, Shape shape) {
    return CpuMovement.broadcastTo(x, shape);
  }

  @Override
  public Tensor transpose(Tensor x, int[] perm) {
    return CpuMovement.transpose(x, perm);
  }

  @Override
  public Tensor concatenate(List<Tensor> xs, int axis) {
    return CpuMovement.concatenate(xs, axis);
  }

  @Override
  public Tensor slice(Tensor x, int[] start, Shape shape) {
    return CpuMovement.slice(x, start, shape);
  }

  @Override
  public Tensor sliceGradient(Tensor g, int[] start, Shape shape) {
    return CpuMovement.sliceGradient(g, start, shape);
  }

  @Override
  public Tensor take(Tensor x, Tensor indices, int axis) {
    return CpuGather.take(x, indices, axis);
  }

  @Override
  public Tensor takeGradient(Tensor g, Tensor indices, int axis, Shape shape) {
    return CpuGather.takeGradient(g, indices, axis, shape);
  }

  @Override
  public Tensor oneHot(Tensor indices, int numClasses) {
    return CpuGather.oneHot(indices, numClasses);
  }
}
