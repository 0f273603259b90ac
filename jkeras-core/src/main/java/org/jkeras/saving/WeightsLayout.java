package org.jkeras.saving;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jkeras.backend.Variable;
import org.jkeras.layers.Layer;
import org.jkeras.layers.LayerNames;
import org.jkeras.layers.attention.MultiHeadAttention;
import org.jkeras.layers.rnn.BaseRnn;
import org.jkeras.layers.rnn.Bidirectional;
import org.jkeras.layers.rnn.TimeDistributed;
import org.jkeras.models.Model;

/**
 * Where each variable lives in Keras 3's weights file: a group per saveable object, named by the
 * attribute path Keras walks ({@code layers/<snake_case class>[_n]}, {@code cell} for recurrent
 * layers, {@code forward_layer} / {@code backward_layer}, {@code layer}, the attention
 * projections, {@code optimizer}), each with a {@code vars} group holding datasets {@code 0..n-1}.
 */
public final class WeightsLayout {
  /**
   * One saveable: its group path ("" for the root), the variables in order, and its owner;
   * {@code olderPath}, when not null, is where older Keras versions wrote the same group (read
   * when {@code path} is absent).
   */
  public record Entry(String path, List<Variable> vars, String owner, String olderPath) {
    public Entry(String path, List<Variable> vars, String owner) {
      this(path, vars, owner, null);
    }
  }

  private static final String[] MHA_PARTS = {"query", "key", "value", "attention_output"};
  /**
   * Keras 3.1 and later reach MultiHeadAttention's projections first through its public
   * properties ({@code query_dense}, ...), so that is where they are saved; Keras 3.0 saved them
   * under the private attributes ({@code _query_dense}, ...), which loading still accepts.
   */
  private static final String[] MHA_GROUPS =
      {"query_dense", "key_dense", "value_dense", "output_dense"};

  private WeightsLayout() {}

  /** Every saveable of {@code model} (not its optimizer), in Keras's walking order. */
  public static List<Entry> of(Model model) {
    List<Entry> out = new ArrayList<>();
    Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    addModel(model, "", out, visited);
    return out;
  }

  /** The optimizer's group. */
  public static Entry optimizer(org.jkeras.optimizers.Optimizer optimizer) {
    return new Entry("optimizer", optimizer.variables(), "optimizer");
  }

  private static void addModel(Model model, String path, List<Entry> out, Set<Object> visited) {
    out.add(new Entry(path, List.of(), model.name()));
    visited.add(model);
    Map<String, Integer> used = new HashMap<>();
    for (Layer layer : model.layers()) {
      String name = LayerNames.snakeCase(CallConventions.className(layer));
      Integer n = used.get(name);
      used.put(name, n == null ? 0 : n + 1);
      String child = n == null ? name : name + "_" + (n + 1);
      addLayer(layer, join(join(path, "layers"), child), out, visited);
    }
  }

  private static void addLayer(Layer layer, String path, List<Entry> out, Set<Object> visited) {
    if (!visited.add(layer)) {
      return;
    }
    switch (layer) {
      case Model m -> {
        visited.remove(m);
        addModel(m, path, out, visited);
      }
      case BaseRnn rnn -> {
        out.add(new Entry(path, List.of(), rnn.name()));
        out.add(new Entry(path + "/cell", rnn.weights(), rnn.name()));
      }
      case Bidirectional b -> {
        out.add(new Entry(path, List.of(), b.name()));
        addLayer(b.backwardLayer(), path + "/backward_layer", out, visited);
        addLayer(b.forwardLayer(), path + "/forward_layer", out, visited);
      }
      case TimeDistributed td -> {
        out.add(new Entry(path, List.of(), td.name()));
        addLayer(td.layer(), path + "/layer", out, visited);
      }
      case MultiHeadAttention mha -> {
        out.add(new Entry(path, List.of(), mha.name()));
        for (int i = 0; i < MHA_PARTS.length; i++) {
          List<Variable> part = new ArrayList<>();
          for (Variable v : mha.weights()) {
            if (v.name().startsWith(mha.name() + "/" + MHA_PARTS[i] + "/")) {
              part.add(v);
            }
          }
          out.add(new Entry(path + "/" + MHA_GROUPS[i], part, mha.name(),
              path + "/_" + MHA_GROUPS[i]));
        }
      }
      default -> out.add(new Entry(path, layer.weights(), layer.name()));
    }
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "/" + b;
  }
}
