package org.jkeras.ops;

import static org.jkeras.testing.TensorAssert.assertClose;

import java.util.List;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.cpu.CpuThreads;
import org.junit.jupiter.api.Test;

/**
 * The convolution kernels lay im2col out in blocks per thread: several blocks per thread, a
 * thread's rows starting inside an image, and images too large for a buffer per thread (the
 * input gradient then goes one image at a time) must all give the reference's output and
 * gradients.
 */
class ConvBlocksTest {
  private static Tensor rand(long seed, int... shape) {
    return Tensor.randomUniform(Shape.of(shape), -1f, 1f, seed);
  }

  private static void checkOnTwoThreads(Tensor x, Tensor k, String padding) {
    int threads = CpuThreads.maxThreads();
    CpuThreads.setMaxThreads(2);
    try {
      int[] one = {1, 1};
      Tensor y;
      List<Tensor> grads;
      Tensor g;
      try (GradientTape tape = new GradientTape()) {
        tape.watch(x, k);
        y = ConvOps.conv2d(x, k, 1, padding);
        g = rand(9, y.shape().dims());
        grads = tape.gradient(y, List.of(x, k), g);
      }
      assertClose(ConvReference.conv2d(x, k, one, one, padding), y, 1e-4);
      double[][] ref = ConvReference.conv2dGradients(x, k, g, one, one, padding);
      assertClose(ref[0], grads.get(0), 1e-4);
      assertClose(ref[1], grads.get(1), 1e-4);
    } finally {
      CpuThreads.setMaxThreads(threads);
    }
  }

  /** 765 rows of 576 floats: four blocks, and the second thread starts inside image 2. */
  @Test
  void severalBlocksPerThread() {
    checkOnTwoThreads(rand(1, 3, 17, 15, 64), rand(2, 3, 3, 64, 5), "same");
  }

  /** 4,096 rows of 576 floats per image: more than a thread's share of the 16 MiB limit. */
  @Test
  void largeImagesOneAtATime() {
    checkOnTwoThreads(rand(3, 2, 64, 64, 64), rand(4, 3, 3, 64, 2), "same");
  }
}
