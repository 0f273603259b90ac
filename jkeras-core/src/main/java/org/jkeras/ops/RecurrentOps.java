package org.jkeras.ops;

import java.util.List;
import org.jkeras.backend.Backend;
import org.jkeras.backend.DType;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.RecurrentGradients;
import org.jkeras.backend.RecurrentKernels;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.RecurrentResult;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * Whole-sequence recurrent ops for the SimpleRNN, LSTM and GRU layers, with Keras 3 semantics.
 * Each runs its cell over every timestep in one fused kernel and records ONE multi-output op on
 * the tape whose backward is a fused backpropagation through time, instead of a few small ops per
 * step.
 *
 * <p>Inputs are {@code (batch, time, features)}; initial states {@code (batch, units)}, zeros when
 * null; {@code mask (batch, time)} of any dtype (non-zero = step runs) or null: a masked step
 * carries the states through and outputs the previous output (zeros with {@code
 * zeroOutputForMask}). With {@code goBackwards} the sequence is processed last step first and the
 * outputs come in that processed order, as in Keras. Each op returns the output sequence {@code
 * (batch, time, units)} followed by the final states, so a layer can serve {@code
 * return_sequences} and {@code return_state}.
 */
public final class RecurrentOps {
  private RecurrentOps() {}

  private static RecurrentKernels k() {
    return Backend.current().recurrent();
  }

  /** LSTM with the Keras defaults: returns {@code [sequence, h, c]}. */
  public static List<Tensor> lstm(Tensor inputs, Tensor h0, Tensor c0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias) {
    return lstm(inputs, h0, c0, kernel, recurrentKernel, bias, null, RecurrentOptions.defaults());
  }

  /**
   * LSTM over a sequence: {@code kernel (features, 4 * units)}, {@code recurrentKernel (units, 4 *
   * units)}, {@code bias (4 * units)} or null, gate order i, f, c, o. Returns {@code [sequence,
   * h, c]}.
   */
  public static List<Tensor> lstm(Tensor inputs, Tensor h0, Tensor c0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias, Tensor mask, RecurrentOptions options) {
    String op = "lstm";
    int units = checkCell(op, inputs, kernel, recurrentKernel, 4, "4 * units");
    int batch = inputs.shape().dim(0);
    checkBias(op, bias, Shape.of(4 * units), "(4 * units,)");
    Tensor h = initialState(op, "h0", h0, batch, units);
    Tensor c = initialState(op, "c0", c0, batch, units);
    checkMask(op, mask, inputs);
    Tensor[] in = {inputs, h, c, kernel, recurrentKernel, bias};
    boolean record = GradientTape.shouldRecord(in);
    RecurrentResult r = k().lstm(inputs, h, c, kernel, recurrentKernel, bias, mask,
        optionsOrDefault(options), record);
    return finish(op, r, in, record);
  }

  /** GRU with the Keras defaults (reset-after): returns {@code [sequence, h]}. */
  public static List<Tensor> gru(Tensor inputs, Tensor h0, Tensor kernel, Tensor recurrentKernel,
      Tensor bias) {
    return gru(inputs, h0, kernel, recurrentKernel, bias, null, RecurrentOptions.defaults());
  }

  /**
   * GRU over a sequence: {@code kernel (features, 3 * units)}, {@code recurrentKernel (units, 3 *
   * units)}, gate order z, r, h, and {@code bias (2, 3 * units)} (input row, recurrent row) when
   * {@code options.resetAfter()}, else {@code (3 * units)}; or null. Returns {@code [sequence,
   * h]}.
   */
  public static List<Tensor> gru(Tensor inputs, Tensor h0, Tensor kernel, Tensor recurrentKernel,
      Tensor bias, Tensor mask, RecurrentOptions options) {
    String op = "gru";
    RecurrentOptions o = optionsOrDefault(options);
    int units = checkCell(op, inputs, kernel, recurrentKernel, 3, "3 * units");
    int batch = inputs.shape().dim(0);
    if (o.resetAfter()) {
      checkBias(op, bias, Shape.of(2, 3 * units), "(2, 3 * units) with reset_after");
    } else {
      checkBias(op, bias, Shape.of(3 * units), "(3 * units,) without reset_after");
    }
    Tensor h = initialState(op, "h0", h0, batch, units);
    checkMask(op, mask, inputs);
    Tensor[] in = {inputs, h, kernel, recurrentKernel, bias};
    boolean record = GradientTape.shouldRecord(in);
    RecurrentResult r = k().gru(inputs, h, kernel, recurrentKernel, bias, mask, o, record);
    return finish(op, r, in, record);
  }

  /** SimpleRNN with the Keras defaults (tanh): returns {@code [sequence, h]}. */
  public static List<Tensor> simpleRnn(Tensor inputs, Tensor h0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias) {
    return simpleRnn(inputs, h0, kernel, recurrentKernel, bias, null,
        RecurrentOptions.defaults());
  }

  /**
   * SimpleRNN over a sequence, {@code h_t = activation(x_t W + h_{t-1} U + b)}: {@code kernel
   * (features, units)}, {@code recurrentKernel (units, units)}, {@code bias (units)} or null.
   * Returns {@code [sequence, h]}.
   */
  public static List<Tensor> simpleRnn(Tensor inputs, Tensor h0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias, Tensor mask, RecurrentOptions options) {
    String op = "simpleRnn";
    int units = checkCell(op, inputs, kernel, recurrentKernel, 1, "units");
    int batch = inputs.shape().dim(0);
    checkBias(op, bias, Shape.of(units), "(units,)");
    Tensor h = initialState(op, "h0", h0, batch, units);
    checkMask(op, mask, inputs);
    Tensor[] in = {inputs, h, kernel, recurrentKernel, bias};
    boolean record = GradientTape.shouldRecord(in);
    RecurrentResult r = k().simpleRnn(inputs, h, kernel, recurrentKernel, bias, mask,
        optionsOrDefault(options), record);
    return finish(op, r, in, record);
  }

  // ---- recording -----------------------------------------------------------------------------

  /**
   * Records the op, inputs first: {@code [inputs, states..., kernel, recurrentKernel, bias]}. The
   * inputs' gradient costs a large product, so it is computed only when a tape tracks them.
   */
  private static List<Tensor> finish(String op, RecurrentResult r, Tensor[] in, boolean record) {
    Tensor seq = r.sequence();
    Tensor[] states = r.states();
    Tensor[] outputs = new Tensor[1 + states.length];
    outputs[0] = seq;
    System.arraycopy(states, 0, outputs, 1, states.length);
    if (record) {
      boolean inputsGradient = GradientTape.shouldRecord(in[0]);
      GradientTape.record(op, outputs, in, g -> {
        Tensor[] dStates = new Tensor[states.length];
        System.arraycopy(g, 1, dStates, 0, dStates.length);
        RecurrentGradients d = k().backward(r, g[0], dStates, inputsGradient);
        Tensor[] grads = new Tensor[in.length];
        grads[0] = d.inputs();
        Tensor[] ds = d.initialStates();
        System.arraycopy(ds, 0, grads, 1, ds.length);
        grads[in.length - 3] = d.kernel();
        grads[in.length - 2] = d.recurrentKernel();
        grads[in.length - 1] = d.bias();
        return grads;
      });
      // The forward record's buffers serve later steps once no tape can backpropagate here.
      GradientTape.releaseWhenClosed(() -> k().release(r));
    }
    // The sequence is null when the options did not want it (see RecurrentOptions).
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(outputs));
  }

  // ---- checks --------------------------------------------------------------------------------

  private static RecurrentOptions optionsOrDefault(RecurrentOptions o) {
    return o != null ? o : RecurrentOptions.defaults();
  }

  /** Checks inputs, kernel and recurrent kernel; returns the number of units. */
  private static int checkCell(String op, Tensor inputs, Tensor kernel, Tensor recurrentKernel,
      int gates, String width) {
    requireFloat(op, "inputs", inputs);
    requireFloat(op, "kernel", kernel);
    requireFloat(op, "recurrentKernel", recurrentKernel);
    Shape xs = inputs.shape();
    if (xs.rank() != 3 || xs.dim(1) < 1) {
      throw new JKerasException(op + ": inputs must have shape (batch, time, features) with at"
          + " least one timestep, got " + xs + ".");
    }
    Shape us = recurrentKernel.shape();
    if (us.rank() != 2 || us.dim(1) != gates * us.dim(0) || us.dim(0) < 1) {
      throw new JKerasException(op + ": the recurrent kernel must have shape (units, " + width
          + "), got " + us + ".");
    }
    int units = us.dim(0);
    Shape expected = Shape.of(xs.dim(2), gates * units);
    if (!kernel.shape().equals(expected)) {
      throw IncompatibleShapesException.of(op, xs, kernel.shape(),
          "the kernel must have shape (features, " + width + ") = " + expected + " for inputs"
              + " with " + xs.dim(2) + " features and a recurrent kernel with " + units
              + " units.");
    }
    return units;
  }

  private static void checkBias(String op, Tensor bias, Shape expected, String form) {
    if (bias == null) {
      return;
    }
    requireFloat(op, "bias", bias);
    if (!bias.shape().equals(expected)) {
      throw new JKerasException(op + ": the bias must have shape " + form + " = " + expected
          + ", got " + bias.shape() + "; pass null for no bias.");
    }
  }

  private static Tensor initialState(String op, String name, Tensor s, int batch, int units) {
    Shape expected = Shape.of(batch, units);
    if (s == null) {
      return Tensor.zeros(expected);
    }
    requireFloat(op, name, s);
    if (!s.shape().equals(expected)) {
      throw new JKerasException(op + ": the initial state " + name + " must have shape (batch,"
          + " units) = " + expected + ", got " + s.shape() + ".");
    }
    return s;
  }

  private static void checkMask(String op, Tensor mask, Tensor inputs) {
    if (mask == null) {
      return;
    }
    Shape expected = Shape.of(inputs.shape().dim(0), inputs.shape().dim(1));
    if (!mask.shape().equals(expected)) {
      throw IncompatibleShapesException.of(op, inputs.shape(), mask.shape(),
          "the mask must have shape (batch, time) = " + expected + ".");
    }
  }

  private static void requireFloat(String op, String name, Tensor t) {
    if (t == null) {
      throw new JKerasException(op + ": " + name + " must not be null.");
    }
    if (t.dtype() != DType.FLOAT32) {
      throw new JKerasException(op + ": " + name + " must be float32, got " + t.dtype()
          + " with shape " + t.shape() + ".");
    }
  }
}
