package org.jkeras.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;

/**
 * Records ops for reverse-mode differentiation, like TensorFlow's {@code GradientTape}.
 *
 * <pre>{@code
 * try (GradientTape tape = new GradientTape()) {
 *   Tensor loss = Ops.sum(Ops.square(Ops.matmul(x, w)));
 *   List<Tensor> grads = tape.gradient(loss, List.of(w));
 * }
 * }</pre>
 *
 * <p>A tape records an op only when one of its inputs is tracked: a tensor passed to {@link
 * #watch}, a trainable {@link Variable} (watched automatically), or the output of a recorded op.
 * With no tape open, ops record nothing and pay one thread-local read. Tapes nest; each records
 * what concerns it. A tape belongs to the thread that opened it.
 */
public final class GradientTape implements AutoCloseable {
  private static final ThreadLocal<GradientTape> ACTIVE = new ThreadLocal<>();

  private final GradientTape outer;
  private final Set<Tensor> tracked = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Entry> entries = new ArrayList<>();
  private final List<Release> releases = new ArrayList<>();
  private boolean closed;

  /** The gradient of one op: from its outputs' gradients to its inputs' (null for none). */
  @FunctionalInterface
  public interface Backward {
    Tensor[] apply(Tensor[] outputGradients);
  }

  /** The gradient of a one-output op. */
  @FunctionalInterface
  public interface SingleBackward {
    Tensor[] apply(Tensor outputGradient);
  }

  private record Entry(String op, Tensor[] outputs, Tensor[] inputs, Backward backward) {}

  /**
   * A clean-up that runs once every tape holding it has closed: what an op's backward pass would
   * read (large working buffers) can then be reused.
   */
  private static final class Release {
    private final Runnable action;
    private int holders;

    Release(Runnable action) {
      this.action = action;
    }

    void drop() {
      if (--holders == 0) {
        action.run();
      }
    }
  }

  /** Opens a tape on this thread; close it (try-with-resources) when done. */
  public GradientTape() {
    this.outer = ACTIVE.get();
    ACTIVE.set(this);
  }

  /** Tracks these tensors, so gradients with respect to them can be asked for. */
  public void watch(Tensor... tensors) {
    Collections.addAll(tracked, tensors);
  }

  /** The gradient of {@code target} with respect to {@code source}. */
  public Tensor gradient(Tensor target, Tensor source) {
    return gradient(target, List.of(source)).get(0);
  }

  /**
   * Gradients of {@code target} (summed over its elements) with respect to each source, with the
   * sources' shapes. A source the target does not depend on gets zeros.
   */
  public List<Tensor> gradient(Tensor target, List<? extends Tensor> sources) {
    return gradient(target, sources, null);
  }

  /** Gradients with an explicit gradient for {@code target} (the vector in a vector-Jacobian product). */
  public List<Tensor> gradient(
      Tensor target, List<? extends Tensor> sources, Tensor targetGradient) {
    if (closed) {
      throw new JKerasException("This GradientTape is closed; compute gradients before closing it.");
    }
    GradientTape active = ACTIVE.get();
    ACTIVE.set(null); // the backward pass itself records nothing
    try {
      Map<Tensor, Tensor> grads = new IdentityHashMap<>();
      Tensor seed = targetGradient != null ? targetGradient : Tensor.ones(target.shape());
      if (!seed.shape().equals(target.shape())) {
        throw new JKerasException("The target gradient has shape " + seed.shape()
            + " but the target has shape " + target.shape() + ".");
      }
      grads.put(target, seed);
      for (int e = entries.size() - 1; e >= 0; e--) {
        backpropagate(entries.get(e), grads);
      }
      List<Tensor> result = new ArrayList<>(sources.size());
      for (Tensor s : sources) {
        Tensor g = grads.get(s);
        result.add(g != null ? g : Tensor.zeros(s.shape()));
      }
      return result;
    } finally {
      ACTIVE.set(active);
    }
  }

  private static void backpropagate(Entry entry, Map<Tensor, Tensor> grads) {
    Tensor[] outGrads = new Tensor[entry.outputs.length];
    boolean any = false;
    for (int i = 0; i < outGrads.length; i++) {
      outGrads[i] = grads.get(entry.outputs[i]);
      any |= outGrads[i] != null;
    }
    if (!any) {
      return;
    }
    for (int i = 0; i < outGrads.length; i++) {
      // An output an op did not produce (null) gets no gradient; the op's backward knows.
      if (outGrads[i] == null && entry.outputs[i] != null) {
        outGrads[i] = Tensor.zeros(entry.outputs[i].shape());
      }
    }
    Tensor[] inGrads = entry.backward.apply(outGrads);
    for (int i = 0; i < entry.inputs.length; i++) {
      Tensor input = entry.inputs[i];
      Tensor g = i < inGrads.length ? inGrads[i] : null;
      if (g == null || input.dtype() != DType.FLOAT32) {
        continue;
      }
      if (!g.shape().equals(input.shape())) {
        throw new IllegalStateException("Gradient of op '" + entry.op + "' for input " + i
            + " has shape " + g.shape() + " but the input has shape " + input.shape() + ".");
      }
      Tensor previous = grads.get(input);
      grads.put(input, previous == null ? g : MathOps.add(previous, g));
    }
  }

  /** Stops recording on this thread and lets the tape's records go. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ACTIVE.get() == this) {
      ACTIVE.set(outer);
    }
    entries.clear();
    tracked.clear();
    for (Release r : releases) {
      r.drop();
    }
    releases.clear();
  }

  // ---- for op implementations --------------------------------------------------------------

  /** True when an open tape tracks one of these inputs: only then is recording worth its cost. */
  public static boolean shouldRecord(Tensor... inputs) {
    for (GradientTape t = ACTIVE.get(); t != null; t = t.outer) {
      if (t.tracksAny(inputs)) {
        return true;
      }
    }
    return false;
  }

  /** Records a one-output op on every open tape that tracks one of its inputs. */
  public static void record(String op, Tensor output, Tensor[] inputs, SingleBackward backward) {
    record(op, new Tensor[] {output}, inputs, grads -> backward.apply(grads[0]));
  }

  /** Records an op with several outputs on every open tape that tracks one of its inputs. */
  public static void record(String op, Tensor[] outputs, Tensor[] inputs, Backward backward) {
    for (GradientTape t = ACTIVE.get(); t != null; t = t.outer) {
      if (!t.closed && t.tracksAny(inputs)) {
        t.entries.add(new Entry(op, outputs, inputs, backward));
        Collections.addAll(t.tracked, outputs);
      }
    }
  }

  /**
   * Runs {@code release} once every tape open on this thread now has closed (at once when none
   * is open): for buffers that recorded ops may still read in a backward pass.
   */
  public static void releaseWhenClosed(Runnable release) {
    Release r = new Release(release);
    for (GradientTape t = ACTIVE.get(); t != null; t = t.outer) {
      if (!t.closed) {
        t.releases.add(r);
        r.holders++;
      }
    }
    if (r.holders == 0) {
      release.run();
    }
  }

  private boolean tracksAny(Tensor[] inputs) {
    for (Tensor x : inputs) {
      if (x != null && (tracked.contains(x) || (x instanceof Variable v && v.trainable()))) {
        return true;
      }
    }
    return false;
  }
}
