package org.jkeras.backend;

/**
 * How a recurrent layer runs its cell over a sequence, with the Keras 3 defaults: {@code
 * activation="tanh"}, {@code recurrent_activation="sigmoid"}, {@code go_backwards=False}, {@code
 * zero_output_for_mask=False} and, for GRU, {@code reset_after=True}.
 *
 * @param activation the cell's output activation (SimpleRNN's only one)
 * @param recurrentActivation the gate activation (LSTM and GRU)
 * @param goBackwards process the time axis in reverse; outputs come in the processed order
 * @param zeroOutputForMask masked steps output zeros instead of the previous output
 * @param resetAfter GRU only: apply the reset gate after the recurrent matrix product
 * @param sequenceOutput whether the output at every step is wanted; when false (a layer with
 *     {@code return_sequences=False}), a kernel may skip writing it and return a null sequence
 */
public record RecurrentOptions(
    CellActivation activation,
    CellActivation recurrentActivation,
    boolean goBackwards,
    boolean zeroOutputForMask,
    boolean resetAfter,
    boolean sequenceOutput) {
  private static final RecurrentOptions DEFAULTS =
      new RecurrentOptions(CellActivation.TANH, CellActivation.SIGMOID, false, false, true);

  /** Options whose output sequence is wanted. */
  public RecurrentOptions(CellActivation activation, CellActivation recurrentActivation,
      boolean goBackwards, boolean zeroOutputForMask, boolean resetAfter) {
    this(activation, recurrentActivation, goBackwards, zeroOutputForMask, resetAfter, true);
  }

  public RecurrentOptions {
    if (activation == null || recurrentActivation == null) {
      throw new JKerasException("RecurrentOptions: activation and recurrentActivation must not be"
          + " null; use CellActivation.LINEAR for none.");
    }
  }

  /** The Keras defaults. */
  public static RecurrentOptions defaults() {
    return DEFAULTS;
  }

  public RecurrentOptions withActivation(CellActivation a) {
    return new RecurrentOptions(a, recurrentActivation, goBackwards, zeroOutputForMask, resetAfter,
        sequenceOutput);
  }

  public RecurrentOptions withRecurrentActivation(CellActivation a) {
    return new RecurrentOptions(activation, a, goBackwards, zeroOutputForMask, resetAfter,
        sequenceOutput);
  }

  public RecurrentOptions withGoBackwards(boolean b) {
    return new RecurrentOptions(activation, recurrentActivation, b, zeroOutputForMask, resetAfter,
        sequenceOutput);
  }

  public RecurrentOptions withZeroOutputForMask(boolean b) {
    return new RecurrentOptions(activation, recurrentActivation, goBackwards, b, resetAfter,
        sequenceOutput);
  }

  public RecurrentOptions withResetAfter(boolean b) {
    return new RecurrentOptions(activation, recurrentActivation, goBackwards, zeroOutputForMask, b,
        sequenceOutput);
  }

  public RecurrentOptions withSequenceOutput(boolean b) {
    return new RecurrentOptions(activation, recurrentActivation, goBackwards, zeroOutputForMask,
        resetAfter, b);
  }
}
