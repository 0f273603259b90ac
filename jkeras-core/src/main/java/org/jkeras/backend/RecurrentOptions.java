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
 */
public record RecurrentOptions(
    CellActivation activation,
    CellActivation recurrentActivation,
    boolean goBackwards,
    boolean zeroOutputForMask,
    boolean resetAfter) {
  private static final RecurrentOptions DEFAULTS =
      new RecurrentOptions(CellActivation.TANH, CellActivation.SIGMOID, false, false, true);

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
    return new RecurrentOptions(a, recurrentActivation, goBackwards, zeroOutputForMask, resetAfter);
  }

  public RecurrentOptions withRecurrentActivation(CellActivation a) {
    return new RecurrentOptions(activation, a, goBackwards, zeroOutputForMask, resetAfter);
  }

  public RecurrentOptions withGoBackwards(boolean b) {
    return new RecurrentOptions(activation, recurrentActivation, b, zeroOutputForMask, resetAfter);
  }

  public RecurrentOptions withZeroOutputForMask(boolean b) {
    return new RecurrentOptions(activation, recurrentActivation, goBackwards, b, resetAfter);
  }

  public RecurrentOptions withResetAfter(boolean b) {
    return new RecurrentOptions(activation, recurrentActivation, goBackwards, zeroOutputForMask, b);
  }
}
