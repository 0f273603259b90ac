package org.jkeras.backend;

/**
 * The gradients a fused recurrent backward pass returns, one per differentiable input. {@code
 * inputs} has one gradient per input block, or is null when it was not asked for; {@code bias}
 * is null when the cell has none.
 */
public record RecurrentGradients(
    Tensor[] inputs, Tensor[] initialStates, Tensor kernel, Tensor recurrentKernel, Tensor bias) {}
