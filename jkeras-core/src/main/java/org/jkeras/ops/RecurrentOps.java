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
    return lstm(single(inputs), h0, c0, kernel, recurrentKernel, bias, mask, options);
  }

  /**
   * LSTM over inputs given as blocks of batch rows ({@code (batch_i, time, features)} each), run
   * as one batch stacked in block order without copying them together: how a shared layer's calls
   * run as one. States and mask cover the whole stacked batch.
   */
  public static List<Tensor> lstm(List<Tensor> inputs, Tensor h0, Tensor c0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias, Tensor mask, RecurrentOptions options) {
    String op = "lstm";
    Tensor[] x = blocks(op, inputs);
    int units = checkCell(op, x[0], kernel, recurrentKernel, 4, "4 * units");
    int batch = batch(x);
    checkBias(op, bias, Shape.of(4 * units), "(4 * units,)");
    Tensor h = initialState(op, "h0", h0, batch, units);
    Tensor c = initialState(op, "c0", c0, batch, units);
    checkMask(op, mask, batch, x[0]);
    Tensor[] in = recorded(x, h, c, kernel, recurrentKernel, bias);
    boolean record = GradientTape.shouldRecord(in);
    RecurrentResult r = k().lstm(x, h, c, kernel, recurrentKernel, bias, mask,
        optionsOrDefault(options), record);
    return finish(op, r, in, x.length, record);
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
    return gru(single(inputs), h0, kernel, recurrentKernel, bias, mask, options);
  }

  /** GRU over inputs given as blocks of batch rows, like the block form of {@code lstm}. */
  public static List<Tensor> gru(List<Tensor> inputs, Tensor h0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias, Tensor mask, RecurrentOptions options) {
    String op = "gru";
    RecurrentOptions o = optionsOrDefault(options);
    Tensor[] x = blocks(op, inputs);
    int units = checkCell(op, x[0], kernel, recurrentKernel, 3, "3 * units");
    int batch = batch(x);
    if (o.resetAfter()) {
      checkBias(op, bias, Shape.of(2, 3 * units), "(2, 3 * units) with reset_after");
    } else {
      checkBias(op, bias, Shape.of(3 * units), "(3 * units,) without reset_after");
    }
    Tensor h = initialState(op, "h0", h0, batch, units);
    checkMask(op, mask, batch, x[0]);
    Tensor[] in = recorded(x, h, null, kernel, recurrentKernel, bias);
    boolean record = GradientTape.shouldRecord(in);
    RecurrentResult r = k().gru(x, h, kernel, recurrentKernel, bias, mask, o, record);
    return finish(op, r, in, x.length, record);
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
    return simpleRnn(single(inputs), h0, kernel, recurrentKernel, bias, mask, options);
  }

  /** SimpleRNN over inputs given as blocks of batch rows, like the block form of {@code lstm}. */
  public static List<Tensor> simpleRnn(List<Tensor> inputs, Tensor h0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias, Tensor mask, RecurrentOptions options) {
    String op = "simpleRnn";
    Tensor[] x = blocks(op, inputs);
    int units = checkCell(op, x[0], kernel, recurrentKernel, 1, "units");
    int batch = batch(x);
    checkBias(op, bias, Shape.of(units), "(units,)");
    Tensor h = initialState(op, "h0", h0, batch, units);
    checkMask(op, mask, batch, x[0]);
    Tensor[] in = recorded(x, h, null, kernel, recurrentKernel, bias);
    boolean record = GradientTape.shouldRecord(in);
    RecurrentResult r = k().simpleRnn(x, h, kernel, recurrentKernel, bias, mask,
        optionsOrDefault(options), record);
    return finish(op, r, in, x.length, record);
  }

  // ---- recording -----------------------------------------------------------------------------

  /** What the tape records as the op's inputs: the blocks, states, weights, in that order. */
  private static Tensor[] recorded(Tensor[] x, Tensor h, Tensor c, Tensor kernel,
      Tensor recurrentKernel, Tensor bias) {
    List<Tensor> in = new java.util.ArrayList<>(java.util.Arrays.asList(x));
    in.add(h);
    if (c != null) {
      in.add(c);
    }
    in.addAll(java.util.Arrays.asList(kernel, recurrentKernel, bias));
    return in.toArray(new Tensor[0]);
  }

  /**
   * Records the op on {@code [input blocks..., states..., kernel, recurrentKernel, bias]}. The
   * inputs' gradient costs a large product, so it is computed only when a tape tracks them.
   */
  private static List<Tensor> finish(String op, RecurrentResult r, Tensor[] in, int blocks,
      boolean record) {
    Tensor seq = r.sequence();
    Tensor[] states = r.states();
    Tensor[] outputs = new Tensor[1 + states.length];
    outputs[0] = seq;
    System.arraycopy(states, 0, outputs, 1, states.length);
    if (record) {
      boolean inputsGradient =
          GradientTape.shouldRecord(java.util.Arrays.copyOf(in, blocks));
      GradientTape.record(op, outputs, in, g -> {
        Tensor[] dStates = new Tensor[states.length];
        System.arraycopy(g, 1, dStates, 0, dStates.length);
        RecurrentGradients d = k().backward(r, g[0], dStates, inputsGradient);
        Tensor[] grads = new Tensor[in.length];
        if (d.inputs() != null) {
          System.arraycopy(d.inputs(), 0, grads, 0, blocks);
        }
        Tensor[] ds = d.initialStates();
        System.arraycopy(ds, 0, grads, blocks, ds.length);
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

  private static void checkMask(String op, Tensor mask, int batch, Tensor inputs) {
    if (mask == null) {
      return;
    }
    Shape expected = Shape.of(batch, inputs.shape().dim(1));
    if (!mask.shape().equals(expected)) {
      throw IncompatibleShapesException.of(op, inputs.shape(), mask.shape(),
          "the mask must have shape (batch, time) = " + expected + ".");
    }
  }

  /** A single inputs tensor as the one block of the block form (null is refused there). */
  private static List<Tensor> single(Tensor inputs) {
    return java.util.Collections.singletonList(inputs);
  }

  /**
   * The input blocks, checked: at least one, each float32 {@code (batch_i, time, features)} with
   * the first block's time and features.
   */
  private static Tensor[] blocks(String op, List<Tensor> inputs) {
    if (inputs == null || inputs.isEmpty()) {
      throw new JKerasException(op + ": inputs must be one or more (batch, time, features)"
          + " tensors, got " + (inputs == null ? "null" : "none") + ".");
    }
    Tensor[] x = inputs.toArray(new Tensor[0]);
    for (int i = 0; i < x.length; i++) {
      requireFloat(op, "inputs", x[i]);
      Shape s = x[i].shape();
      Shape first = x[0].shape();
      if (i > 0 && (s.rank() != 3 || first.rank() != 3 || s.dim(1) != first.dim(1)
          || s.dim(2) != first.dim(2))) {
        throw IncompatibleShapesException.of(op, first, s, "input blocks joined along the batch"
            + " axis must share (time, features).");
      }
    }
    return x;
  }

  private static int batch(Tensor[] blocks) {
    int n = 0;
    for (Tensor b : blocks) {
      n += b.shape().dim(0);
    }
    return n;
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
