package org.jkeras.callbacks;

import java.util.Map;

/** Stops training as soon as a batch's loss is NaN or infinite, as Keras's TerminateOnNaN. */
public class TerminateOnNaN extends Callback {
  private final java.io.PrintStream out;

  public TerminateOnNaN() {
    this(System.out);
  }

  public TerminateOnNaN(java.io.PrintStream out) {
    this.out = out;
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    Double loss = logs.get("loss");
    if (loss != null && (loss.isNaN() || loss.isInfinite())) {
      out.println("Batch " + batch + ": Invalid loss, terminating training");
      model().stopTraining(true);
    }
  }
}
