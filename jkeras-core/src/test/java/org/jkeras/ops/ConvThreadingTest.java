package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;

import java.util.List;
import java.util.function.Function;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.cpu.CpuThreads;
import org.junit.jupiter.api.Test;

/**
 * The kernels split large batches across threads (the gradient tests use sizes too small for
 * that); split or not, forward values and both gradients must agree.
 */
class ConvThreadingTest {
  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  /** The output, then the gradients of {@code sum(g * f(x, k))} w.r.t. the inputs. */
  private static List<Tensor> run(Function<List<Tensor>, Tensor> f, Tensor g, Tensor... xs) {
    try (GradientTape tape = new GradientTape()) {
      tape.watch(xs);
      Tensor y = f.apply(List.of(xs));
      List<Tensor> grads = tape.gradient(y, List.of(xs), g);
      return java.util.stream.Stream.concat(java.util.stream.Stream.of(y), grads.stream())
          .toList();
    }
  }

  private static void assertSameSplitOrNot(Function<List<Tensor>, Tensor> f, Tensor... xs) {
    Tensor g = rand(99, f.apply(List.of(xs)).shape().dims());
    int threads = CpuThreads.maxThreads();
    List<Tensor> single;
    CpuThreads.setMaxThreads(1);
    try {
      single = run(f, g, xs);
    } finally {
      CpuThreads.setMaxThreads(threads);
    }
    CpuThreads.setMaxThreads(Math.max(2, threads));
    List<Tensor> split;
    try {
      split = run(f, g, xs);
    } finally {
      CpuThreads.setMaxThreads(threads);
    }
    for (int i = 0; i < single.size(); i++) {
      assertClose(single.get(i).toFloatArray(), split.get(i), 1e-5);
    }
  }

  @Test
  void convAndTransposeAgree() {
    assertSameSplitOrNot(v -> ConvOps.conv2d(v.get(0), v.get(1), 2, "same"),
        rand(1, 6, 20, 20, 16), rand(2, 3, 3, 16, 24));
    assertSameSplitOrNot(v -> ConvOps.conv2dTranspose(v.get(0), v.get(1), 2, "same"),
        rand(3, 6, 10, 10, 16), rand(4, 3, 3, 8, 16));
  }

  @Test
  void depthwiseAgrees() {
    assertSameSplitOrNot(v -> ConvOps.depthwiseConv2d(v.get(0), v.get(1), 1, "same"),
        rand(5, 6, 16, 16, 16), rand(6, 3, 3, 16, 1));
    assertSameSplitOrNot(v -> ConvOps.depthwiseConv2d(v.get(0), v.get(1), 2, "same"),
        rand(7, 5, 16, 16, 8), rand(8, 3, 3, 8, 2));
  }

  @Test
  void poolingAgrees() {
    assertSameSplitOrNot(v -> PoolOps.maxPool2d(v.get(0), 3, 2, "same"),
        rand(9, 8, 16, 16, 32));
    assertSameSplitOrNot(v -> PoolOps.averagePool2d(v.get(0), 3, 2, "same"),
        rand(10, 8, 16, 16, 32));
  }
}
