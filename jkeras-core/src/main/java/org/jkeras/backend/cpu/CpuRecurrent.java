package org.jkeras.backend.cpu;

import org.jkeras.backend.JKerasException;
import org.jkeras.backend.RecurrentGradients;
import org.jkeras.backend.RecurrentKernels;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.RecurrentResult;
import org.jkeras.backend.Tensor;

/** CPU fused recurrent kernels: one class per cell, sharing {@link RecurrentSupport}. */
final class CpuRecurrent implements RecurrentKernels {
  @Override
  public RecurrentResult lstm(Tensor[] inputs, Tensor h0, Tensor c0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias, Tensor mask, RecurrentOptions options,
      boolean keepForBackward) {
    return CpuLstm.forward(inputs, h0, c0, kernel, recurrentKernel, bias, mask, options,
        keepForBackward);
  }

  @Override
  public RecurrentResult gru(Tensor[] inputs, Tensor h0, Tensor kernel, Tensor recurrentKernel,
      Tensor bias, Tensor mask, RecurrentOptions options, boolean keepForBackward) {
    return CpuGru.forward(inputs, h0, kernel, recurrentKernel, bias, mask, options,
        keepForBackward);
  }

  @Override
  public RecurrentResult simpleRnn(Tensor[] inputs, Tensor h0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias, Tensor mask, RecurrentOptions options,
      boolean keepForBackward) {
    return CpuSimpleRnn.forward(inputs, h0, kernel, recurrentKernel, bias, mask, options,
        keepForBackward);
  }

  @Override
  public RecurrentGradients backward(RecurrentResult forward, Tensor sequenceGradient,
      Tensor[] stateGradients, boolean inputsGradient) {
    if (!(forward.trace() instanceof RecurrentTrace tr)) {
      throw new JKerasException("recurrent backward: this forward result kept nothing for the"
          + " backward pass; run the forward kernel with keepForBackward = true.");
    }
    if (tr.released()) {
      throw new JKerasException("recurrent backward: this forward result was released (the"
          + " GradientTape that recorded it is closed); compute gradients before closing it.");
    }
    float[] dSeq = sequenceGradient == null ? null : sequenceGradient.floatData();
    float[] dh = stateGradients[0].floatData();
    return switch (tr.cell) {
      case LSTM -> CpuLstm.backward(tr, dSeq, dh, stateGradients[1].floatData(), inputsGradient);
      case GRU -> CpuGru.backward(tr, dSeq, dh, inputsGradient);
      case SIMPLE_RNN -> CpuSimpleRnn.backward(tr, dSeq, dh, inputsGradient);
    };
  }

  @Override
  public void release(RecurrentResult forward) {
    if (forward.trace() instanceof RecurrentTrace tr) {
      tr.release();
    }
  }
}
