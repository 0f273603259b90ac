package org.jkeras.backend;

/**
 * What a fused recurrent kernel returns: the output sequence {@code (batch, time, units)} in the
 * processed order, the final states ({@code [h]} or {@code [h, c]}), and, when asked for, the
 * backend's private record of the forward pass that {@link RecurrentKernels#backward} consumes.
 */
public final class RecurrentResult {
  private final Tensor sequence;
  private final Tensor[] states;
  private final Object trace;

  public RecurrentResult(Tensor sequence, Tensor[] states, Object trace) {
    this.sequence = sequence;
    this.states = states.clone();
    this.trace = trace;
  }

  /**
   * The output at every step, {@code (batch, time, units)}; null when the options said it was
   * not wanted and the kernel skipped it.
   */
  public Tensor sequence() {
    return sequence;
  }

  /** The final states: {@code [h]} for SimpleRNN and GRU, {@code [h, c]} for LSTM. */
  public Tensor[] states() {
    return states.clone();
  }

  /** Internal to the backend that made this result; null when no backward pass was asked for. */
  public Object trace() {
    return trace;
  }
}
