package org.jkeras.layers.rnn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.SeedGenerator;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.ops.ConcatOps;
import org.jkeras.ops.IndexingOps;
import org.jkeras.ops.MathOps;

/**
 * Runs a recurrent layer forwards and a copy backwards over the same sequence and merges the two,
 * as Keras's Bidirectional. As in Keras, the wrapped layer is only a template: the forward layer
 * is a fresh copy named {@code forward_<name>} and the backward one a copy with {@code
 * go_backwards} named {@code backward_<name>} (or {@code backwardLayer} itself), so weights are
 * {@code forward_lstm/lstm_cell/kernel, ..., backward_lstm/lstm_cell/kernel, ...}. The backward
 * sequence is flipped back to input order before merging; with {@code return_sequences} both
 * layers output zeros at masked steps.
 *
 * <p>Merge modes: {@code "concat"} (default), {@code "sum"}, {@code "mul"}, {@code "ave"}, or
 * null for both outputs, forward first. With {@code return_state} the outputs are followed by the
 * forward layer's final states, then the backward layer's. Initial states are passed as with the
 * wrapped layer, after the sequence: the forward layer's first, then the backward layer's.
 */
public class Bidirectional extends Layer {
  private static final List<String> MODES = List.of("sum", "mul", "ave", "concat");
  private final BaseRnn forward;
  private final BaseRnn backward;
  private final String mergeMode;

  /** Concatenates the two directions. */
  public Bidirectional(BaseRnn layer) {
    this(layer, "concat");
  }

  public Bidirectional(BaseRnn layer, String mergeMode) {
    this(layer, mergeMode, null);
  }

  /**
   * With an explicit backward layer, which must differ from {@code layer} in {@code
   * go_backwards} and agree with it in {@code stateful}, {@code return_sequences} and {@code
   * return_state}.
   */
  public Bidirectional(BaseRnn layer, String mergeMode, BaseRnn backwardLayer) {
    if (layer == null) {
      throw new JKerasException("Bidirectional needs a recurrent layer (LSTM, GRU or SimpleRNN);"
          + " received null.");
    }
    if (mergeMode != null && !MODES.contains(mergeMode)) {
      throw new JKerasException("Invalid merge mode. Received: " + mergeMode + ". Merge mode"
          + " should be one of {\"sum\", \"mul\", \"ave\", \"concat\", None}");
    }
    this.mergeMode = mergeMode;
    this.forward = copy(layer, "forward_", false);
    this.backward = backwardLayer != null ? backwardLayer : copy(layer, "backward_", true);
    verify();
    forward.setZeroOutputForMask(forward.returnSequences());
    backward.setZeroOutputForMask(backward.returnSequences());
  }

  /** A fresh layer from {@code layer}'s config, renamed, going backwards when asked. */
  private static BaseRnn copy(BaseRnn layer, String prefix, boolean goBackwards) {
    Map<String, Object> config = new LinkedHashMap<>(layer.getConfig());
    String name = layer.name();
    config.put("name", prefix + (name.startsWith(prefix) ? name.substring(prefix.length()) : name));
    if (goBackwards) {
      config.put("go_backwards", true);
    }
    String className = LayerRegistry.serialize(layer).get("class_name").toString();
    return (BaseRnn) LayerRegistry.fromConfig(className, config);
  }

  private void verify() {
    if (forward.goBackwards() == backward.goBackwards()) {
      throw new JKerasException("Forward layer and backward layer should have different"
          + " `go_backwards` value. Received: forward_layer.go_backwards "
          + python(forward.goBackwards()) + ", backward_layer.go_backwards="
          + python(backward.goBackwards()));
    }
    String[] names = {"stateful", "return_sequences", "return_state"};
    boolean[][] values = {{forward.stateful(), backward.stateful()},
        {forward.returnSequences(), backward.returnSequences()},
        {forward.returnState(), backward.returnState()}};
    for (int i = 0; i < names.length; i++) {
      if (values[i][0] != values[i][1]) {
        throw new JKerasException("Forward layer and backward layer are expected to have the"
            + " same value for attribute \"" + names[i] + "\", got \"" + python(values[i][0])
            + "\" for forward layer and \"" + python(values[i][1]) + "\" for backward layer");
      }
    }
  }

  private static String python(boolean b) {
    return b ? "True" : "False";
  }

  public BaseRnn forwardLayer() {
    return forward;
  }

  public BaseRnn backwardLayer() {
    return backward;
  }

  /** The merge mode, or null when both outputs are returned. */
  public String mergeMode() {
    return mergeMode;
  }

  @Override
  public Bidirectional name(String newName) {
    super.name(newName);
    return this;
  }

  /** Zeros both layers' carried states (Keras's {@code reset_state()}); stateful layers only. */
  public void resetStates() {
    if (!forward.stateful()) {
      throw new JKerasException("Layer must be stateful.");
    }
    forward.resetStates();
    backward.resetStates();
  }

  @Override
  protected int expectedInputCount() {
    return -1;
  }

  /** The sequence plus the forward layer's initial states, and the backward layer's. */
  private <T> List<List<T>> split(List<T> inputs) {
    int half = (inputs.size() - 1) / 2;
    if (inputs.size() != 1 && inputs.size() != 1 + forward.stateCount() + backward.stateCount()) {
      throw new JKerasException("Layer '" + name() + "' expects the sequence alone or the"
          + " sequence, the forward layer's " + forward.stateCount() + " initial states and the"
          + " backward layer's " + backward.stateCount() + ", but was called with "
          + inputs.size() + " inputs.");
    }
    List<T> f = new ArrayList<>(inputs.subList(0, 1));
    List<T> b = new ArrayList<>(inputs.subList(0, 1));
    f.addAll(inputs.subList(1, 1 + half));
    b.addAll(inputs.subList(1 + half, inputs.size()));
    return List.of(f, b);
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    List<List<Shape>> parts = split(inputShapes);
    forward.buildFor(parts.get(0));
    backward.buildFor(parts.get(1));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    List<List<Shape>> parts = split(inputShapes);
    List<Shape> f = forward.outputShapesFor(parts.get(0));
    List<Shape> b = backward.outputShapesFor(parts.get(1));
    Shape y = f.get(0);
    List<Shape> out = new ArrayList<>();
    if (mergeMode == null) {
      out.add(y);
      out.add(y);
    } else {
      out.add("concat".equals(mergeMode) ? y.withDim(y.rank() - 1, 2 * y.dim(-1)) : y);
    }
    out.addAll(f.subList(1, f.size()));
    out.addAll(b.subList(1, b.size()));
    return out;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return call(inputs, null, context);
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, CallContext context) {
    List<List<Tensor>> parts = split(inputs);
    Tensor mask = masks == null || masks.isEmpty() ? null : masks.get(0);
    List<Tensor> f = forward.applyEager(parts.get(0), masksFor(mask, parts.get(0).size()),
        context);
    List<Tensor> b = backward.applyEager(parts.get(1), masksFor(mask, parts.get(1).size()),
        context);
    Tensor y = f.get(0);
    Tensor yRev = b.get(0);
    if (forward.returnSequences()) {
      yRev = flipTime(yRev);
    }
    List<Tensor> out = new ArrayList<>();
    if (mergeMode == null) {
      out.add(y);
      out.add(yRev);
    } else {
      out.add(switch (mergeMode) {
        case "concat" -> ConcatOps.concatenate(List.of(y, yRev), -1);
        case "sum" -> MathOps.add(y, yRev);
        case "ave" -> MathOps.divide(MathOps.add(y, yRev), 2f);
        default -> MathOps.multiply(y, yRev);
      });
    }
    out.addAll(f.subList(1, f.size()));
    out.addAll(b.subList(1, b.size()));
    return out;
  }

  private static List<Tensor> masksFor(Tensor mask, int inputs) {
    if (mask == null) {
      return null;
    }
    List<Tensor> m = new ArrayList<>(Collections.nCopies(inputs, (Tensor) null));
    m.set(0, mask);
    return m;
  }

  /** {@code y[:, ::-1]}: the backward layer's outputs back in input order. */
  private static Tensor flipTime(Tensor y) {
    int time = y.shape().dim(1);
    int[] reversed = new int[time];
    for (int t = 0; t < time; t++) {
      reversed[t] = time - 1 - t;
    }
    return IndexingOps.take(y, Tensor.wrapInts(reversed, Shape.of(time)), 1);
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    Tensor mask = masks == null || masks.isEmpty() ? null : masks.get(0);
    Tensor outMask = forward.returnSequences() ? mask : null;
    List<Tensor> out = new ArrayList<>();
    out.add(outMask);
    if (mergeMode == null) {
      out.add(outMask);
    }
    int states = forward.returnState() ? forward.stateCount() + backward.stateCount() : 0;
    out.addAll(Collections.nCopies(states, (Tensor) null));
    return out;
  }

  @Override
  public List<Variable> trainableWeights() {
    if (!trainable()) {
      return List.of();
    }
    List<Variable> out = new ArrayList<>(forward.trainableWeights());
    out.addAll(backward.trainableWeights());
    return out;
  }

  @Override
  public List<Variable> nonTrainableWeights() {
    if (!trainable()) {
      return weights();
    }
    List<Variable> out = new ArrayList<>(forward.nonTrainableWeights());
    out.addAll(backward.nonTrainableWeights());
    return out;
  }

  @Override
  public List<Variable> weights() {
    List<Variable> out = new ArrayList<>(forward.weights());
    out.addAll(backward.weights());
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("merge_mode", mergeMode);
    c.put("layer", LayerRegistry.serialize(forward));
    c.put("backward_layer", LayerRegistry.serialize(backward));
    return c;
  }

  /** A Bidirectional layer from its Keras config (both layers nested in it). */
  public static Bidirectional fromConfig(Config c) {
    Layer layer = LayerRegistry.deserialize(c.getMap("layer"));
    Layer backward = c.has("backward_layer") && c.raw("backward_layer") != null
        ? LayerRegistry.deserialize(c.getMap("backward_layer")) : null;
    if (!(layer instanceof BaseRnn f) || (backward != null && !(backward instanceof BaseRnn))) {
      throw new JKerasException("Bidirectional '" + c.getString("name", "") + "': the wrapped"
          + " layers must be recurrent layers (SimpleRNN, LSTM, GRU).");
    }
    String mode = c.asMap().containsKey("merge_mode") ? c.getString("merge_mode", null)
        : "concat";
    Bidirectional b = new Bidirectional(f, mode, (BaseRnn) backward);
    b.applyBaseConfig(c);
    return b;
  }

  @Override
  public List<SeedGenerator> seedGenerators() {
    List<SeedGenerator> out = new ArrayList<>(forward.seedGenerators());
    out.addAll(backward.seedGenerators());
    return out;
  }
}
