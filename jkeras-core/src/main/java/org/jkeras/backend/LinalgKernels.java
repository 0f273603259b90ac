package org.jkeras.backend;

/** Matrix products. */
public interface LinalgKernels {
  /**
   * Batched matrix product of {@code op(a)} and {@code op(b)} where {@code op} transposes the last
   * two axes when asked. Both have rank 2 or more; leading (batch) axes broadcast as in numpy.
   */
  Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB);

  /**
   * {@code activation(x @ kernel + bias)} in one pass over the output: {@code x (..., k)} with
   * its leading axes taken as rows, {@code kernel (k, n)}, {@code bias (n)} or null; gives
   * {@code (..., n)}. Operands are already checked.
   */
  Tensor dense(Tensor x, Tensor kernel, Tensor bias, FusedActivation activation);
}
