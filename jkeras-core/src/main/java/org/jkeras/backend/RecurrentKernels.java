package org.jkeras.backend;

/**
 * Fused recurrent kernels over whole sequences, forward and backward through time. A layer's
 * cell loop costs one call here instead of a few ops per timestep, which is what makes RNN
 * training fast: the input projection of all steps is one large matrix product and the backward
 * pass reuses what the forward pass kept.
 *
 * <p>Arguments are checked by the ops; kernels assume consistent shapes: {@code inputs}, one or
 * more blocks {@code (batch_i, time, features)} taken as one batch stacked in order (so a shared
 * layer's calls run as one without copying their inputs together), initial states {@code (batch,
 * units)} for the whole batch (never null here), kernels and biases in the Keras layouts, and an
 * optional {@code mask (batch, time)} of any dtype (non-zero = keep).
 */
public interface RecurrentKernels {
  /**
   * LSTM (gate order i, f, c, o): {@code kernel (features, 4u)}, {@code recurrentKernel (u,
   * 4u)}, {@code bias (4u)} or null. States {@code [h, c]}.
   */
  RecurrentResult lstm(Tensor[] inputs, Tensor h0, Tensor c0, Tensor kernel, Tensor recurrentKernel,
      Tensor bias, Tensor mask, RecurrentOptions options, boolean keepForBackward);

  /**
   * GRU (gate order z, r, h): {@code kernel (features, 3u)}, {@code recurrentKernel (u, 3u)},
   * {@code bias (2, 3u)} with reset-after (input bias row 0, recurrent bias row 1), {@code (3u)}
   * without, or null. States {@code [h]}.
   */
  RecurrentResult gru(Tensor[] inputs, Tensor h0, Tensor kernel, Tensor recurrentKernel,
      Tensor bias, Tensor mask, RecurrentOptions options, boolean keepForBackward);

  /**
   * SimpleRNN: {@code kernel (features, u)}, {@code recurrentKernel (u, u)}, {@code bias (u)} or
   * null. States {@code [h]}.
   */
  RecurrentResult simpleRnn(Tensor[] inputs, Tensor h0, Tensor kernel, Tensor recurrentKernel,
      Tensor bias, Tensor mask, RecurrentOptions options, boolean keepForBackward);

  /**
   * Backpropagation through time for a result made with {@code keepForBackward}: from the
   * gradients of the sequence and of each final state to those of every input. The gradient of
   * the inputs is computed only when {@code inputsGradient} is set (it costs a large product).
   * {@code sequenceGradient} is null when the forward result has no sequence.
   */
  RecurrentGradients backward(RecurrentResult forward, Tensor sequenceGradient,
      Tensor[] stateGradients, boolean inputsGradient);

  /**
   * Says that {@code forward}'s record will not be used again (the tape that held it closed), so
   * its working buffers can serve the next step; a later {@link #backward} on it is an error.
   */
  default void release(RecurrentResult forward) {}
}
