package org.jkeras.models;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.GraphMap;
import org.jkeras.graph.KerasTensor;
import org.jkeras.graph.Node;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;

/**
 * Runs a functional graph on concrete tensors: every node in dependency order, each layer given
 * its inputs' values and masks, the masks it computes passed on to the layers after it. Calls of
 * one shared layer at the same depth (the two branches of a shared LSTM) run as one call on their
 * inputs joined along the batch axis when the layer allows it: one larger fused op instead of two.
 */
final class GraphExecutor {
  private GraphExecutor() {}

  static List<Tensor> run(GraphMap graph, List<KerasTensor> inputs, List<KerasTensor> outputs,
      List<Tensor> values, List<Tensor> masks, CallContext context) {
    Map<KerasTensor, Tensor> computed = new IdentityHashMap<>();
    Map<KerasTensor, Tensor> computedMasks = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      computed.put(inputs.get(i), values.get(i));
      if (masks != null && masks.get(i) != null) {
        computedMasks.put(inputs.get(i), masks.get(i));
      }
    }
    java.util.Set<Node> done = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node node : graph.nodes()) {
      if (node.isInput() || done.contains(node)) {
        continue;
      }
      List<Node> group = batchableGroup(graph, node, computed, computedMasks, done);
      if (group.size() > 1) {
        runBatched(group, computed, context);
        done.addAll(group);
        continue;
      }
      List<Tensor> args = new ArrayList<>(node.inputs().size());
      List<Tensor> argMasks = new ArrayList<>(node.inputs().size());
      boolean anyMask = false;
      for (KerasTensor in : node.inputs()) {
        args.add(computed.get(in));
        Tensor m = computedMasks.get(in);
        argMasks.add(m);
        anyMask |= m != null;
      }
      Layer layer = (Layer) node.operation();
      List<Tensor> results = layer.applyEager(args, anyMask ? argMasks : null, context);
      List<Tensor> outMasks = layer.computeMask(args, anyMask ? argMasks : null);
      for (int j = 0; j < results.size(); j++) {
        computed.put(node.outputs().get(j), results.get(j));
        if (outMasks != null && j < outMasks.size() && outMasks.get(j) != null) {
          computedMasks.put(node.outputs().get(j), outMasks.get(j));
        }
      }
    }
    List<Tensor> out = new ArrayList<>(outputs.size());
    for (KerasTensor o : outputs) {
      out.add(computed.get(o));
    }
    return out;
  }

  /** {@code node} and the other calls of its layer at its depth that can join it in one call. */
  private static List<Node> batchableGroup(GraphMap graph, Node node,
      Map<KerasTensor, Tensor> computed, Map<KerasTensor, Tensor> masks, java.util.Set<Node> done) {
    Layer layer = (Layer) node.operation();
    if (!layer.batchableAcrossCalls() || !joinable(node, computed, masks)) {
      return List.of(node);
    }
    List<Node> group = new ArrayList<>();
    group.add(node);
    int depth = graph.depth(node);
    for (Node other : layer.inboundNodes()) {
      if (other != node && !done.contains(other) && graph.nodes().contains(other)
          && graph.depth(other) == depth && joinable(other, computed, masks)
          && computed.get(other.inputs().get(0)).shape().dim(0)
              == computed.get(node.inputs().get(0)).shape().dim(0)) {
        group.add(other);
      }
    }
    return group;
  }

  /** One input, already computed, with no mask: the simple case batching supports. */
  private static boolean joinable(Node node, Map<KerasTensor, Tensor> computed,
      Map<KerasTensor, Tensor> masks) {
    return node.inputs().size() == 1 && computed.containsKey(node.inputs().get(0))
        && !masks.containsKey(node.inputs().get(0));
  }

  private static void runBatched(List<Node> group, Map<KerasTensor, Tensor> computed,
      CallContext context) {
    List<Tensor> parts = new ArrayList<>();
    for (Node n : group) {
      parts.add(computed.get(n.inputs().get(0)));
    }
    Layer layer = (Layer) group.get(0).operation();
    List<List<Tensor>> results = layer.applyEagerStacked(parts, context);
    for (int g = 0; g < group.size(); g++) {
      List<KerasTensor> outs = group.get(g).outputs();
      for (int j = 0; j < outs.size(); j++) {
        computed.put(outs.get(j), results.get(g).get(j));
      }
    }
  }

}
