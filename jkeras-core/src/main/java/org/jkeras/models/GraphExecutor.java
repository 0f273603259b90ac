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
 * its inputs' values and masks, the masks it computes passed on to the layers after it.
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
    for (Node node : graph.nodes()) {
      if (node.isInput()) {
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
}
