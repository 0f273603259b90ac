package org.jkeras.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jkeras.backend.JKerasException;

/**
 * The graph between some input and output tensors, walked once: the nodes in an order that runs
 * each after its inputs are ready, and the operations ordered as Keras orders a model's layers
 * (deepest first, ties by first discovery walking back from the outputs).
 *
 * <p>Unlike Keras, a graph whose outputs need an input tensor that was not given is refused here,
 * naming the tensor and the missing input.
 */
public final class GraphMap {
  private final List<Node> nodes;
  private final List<Operation> operations;
  private final Map<Node, Integer> nodeDepths;

  private GraphMap(List<Node> nodes, List<Operation> operations, Map<Node, Integer> depths) {
    this.nodes = nodes;
    this.operations = operations;
    this.nodeDepths = depths;
  }

  /** Every node, each after the nodes it depends on (input nodes first). */
  public List<Node> nodes() {
    return nodes;
  }

  /** The operations, in Keras's layer order. */
  public List<Operation> operations() {
    return operations;
  }

  /** A node's depth: 0 for the nodes making outputs, growing towards the inputs. */
  public int depth(Node node) {
    return nodeDepths.get(node);
  }

  /** Maps the graph from {@code outputs} back to {@code inputs}. */
  public static GraphMap of(List<KerasTensor> inputs, List<KerasTensor> outputs) {
    Set<KerasTensor> inputSet = identitySet(inputs);
    List<Node> ordered = new ArrayList<>();
    Map<Operation, Integer> discovery = new IdentityHashMap<>();
    Set<Node> finished = identitySet(List.of());
    Set<Node> inProgress = identitySet(List.of());
    for (KerasTensor out : outputs) {
      visit(out, inputSet, finished, inProgress, ordered, discovery);
    }
    Map<Node, Integer> depths = new IdentityHashMap<>();
    Map<Operation, Integer> opDepths = new IdentityHashMap<>();
    for (int i = ordered.size() - 1; i >= 0; i--) {
      Node node = ordered.get(i);
      int depth = Math.max(depths.getOrDefault(node, 0), opDepths.getOrDefault(node.operation(), 0));
      opDepths.put(node.operation(), depth);
      depths.put(node, depth);
      if (!inputSet.containsAll(node.outputs())) {
        for (Node parent : node.parentNodes()) {
          depths.merge(parent, depth + 1, Math::max);
        }
      }
    }
    for (KerasTensor in : inputs) {
      Operation op = in.history().operation();
      if (!opDepths.containsKey(op)) {
        opDepths.put(op, 0);
        discovery.put(op, -1);
        depths.put(in.history().node(), 0);
        ordered.add(0, in.history().node());
      }
    }
    List<Operation> operations = new ArrayList<>(opDepths.keySet());
    operations.sort(Comparator.<Operation>comparingInt(opDepths::get).reversed()
        .thenComparingInt(discovery::get));
    List<Node> byDepth = new ArrayList<>(ordered);
    // Stable sort: deepest first; within a depth, discovery order, which is already topological.
    byDepth.sort(Comparator.<Node>comparingInt(depths::get).reversed());
    checkComputable(inputs, byDepth, inputSet);
    checkUniqueNames(operations);
    return new GraphMap(Collections.unmodifiableList(byDepth),
        Collections.unmodifiableList(operations), depths);
  }

  private static void visit(KerasTensor tensor, Set<KerasTensor> inputs, Set<Node> finished,
      Set<Node> inProgress, List<Node> ordered, Map<Operation, Integer> discovery) {
    KerasHistory h = tensor.history();
    if (h == null) {
      throw new JKerasException("The tensor " + tensor + " was not made by Keras.input(...) or a"
          + " layer call, so it cannot be part of a model.");
    }
    Node node = h.node();
    if (finished.contains(node)) {
      return;
    }
    if (inProgress.contains(node)) {
      throw new JKerasException("Tensor " + tensor + " from layer '" + h.operation().name()
          + "' is part of a cycle.");
    }
    discovery.putIfAbsent(h.operation(), discovery.size());
    inProgress.add(node);
    if (!node.isInput() && !inputs.contains(tensor)) {
      for (KerasTensor in : node.inputs()) {
        visit(in, inputs, finished, inProgress, ordered, discovery);
      }
    }
    finished.add(node);
    inProgress.remove(node);
    ordered.add(node);
  }

  private static void checkComputable(
      List<KerasTensor> inputs, List<Node> nodes, Set<KerasTensor> inputSet) {
    Set<KerasTensor> computable = identitySet(inputs);
    List<String> accessed = new ArrayList<>();
    for (Node node : nodes) {
      if (node.isInput() && !computable.containsAll(node.outputs())) {
        KerasTensor missing = node.outputs().get(0);
        throw new JKerasException("Graph disconnected: the outputs need the input '"
            + node.operation().name() + "' " + missing + ", which is not among the model's"
            + " inputs " + names(inputs) + ". Add it to the inputs, or build the outputs from the"
            + " given inputs.");
      }
      for (KerasTensor x : node.inputs()) {
        if (!computable.contains(x)) {
          throw new JKerasException("Graph disconnected: cannot find parent for tensor " + x
              + " at layer '" + node.operation().name() + "'. The following previous layers"
              + " were accessed without issue: " + accessed);
        }
      }
      if (!node.isInput() || !inputSet.containsAll(node.outputs())) {
        accessed.add(node.operation().name());
      }
      computable.addAll(node.outputs());
    }
  }

  private static void checkUniqueNames(List<Operation> operations) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Operation op : operations) {
      counts.merge(op.name(), 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > 1) {
        throw new JKerasException("The name \"" + e.getKey() + "\" is used " + e.getValue()
            + " times in the model. All operation names should be unique.");
      }
    }
  }

  private static List<String> names(List<KerasTensor> tensors) {
    List<String> out = new ArrayList<>();
    for (KerasTensor t : tensors) {
      out.add(t.history().operation().name());
    }
    return out;
  }

  private static <T> Set<T> identitySet(List<T> items) {
    Set<T> s = Collections.newSetFromMap(new IdentityHashMap<>());
    s.addAll(items);
    return s;
  }
}
