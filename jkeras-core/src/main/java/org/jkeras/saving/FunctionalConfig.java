package org.jkeras.saving;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jkeras.backend.JKerasException;
import org.jkeras.config.Config;
import org.jkeras.graph.KerasHistory;
import org.jkeras.graph.KerasTensor;
import org.jkeras.graph.Node;
import org.jkeras.graph.Operation;
import org.jkeras.layers.Layer;
import org.jkeras.models.Model;

/**
 * A functional model's config in Keras 3's schema ({@code name}, {@code trainable}, {@code
 * layers} with their {@code inbound_nodes}, {@code input_layers}, {@code output_layers}) and the
 * model rebuilt from one. Node indices count only the model's own nodes, from 0, as Keras does.
 */
public final class FunctionalConfig {
  private FunctionalConfig() {}

  /** Keras's {@code Functional.get_config()}. */
  public static Map<String, Object> get(Model model) {
    Set<Node> own = Collections.newSetFromMap(new IdentityHashMap<>());
    own.addAll(model.graph().nodes());
    Map<String, Object> config = Config.map();
    config.put("name", model.name());
    config.put("trainable", model.trainable());
    List<Object> layers = new ArrayList<>();
    for (Layer layer : model.layers()) {
      Map<String, Object> entry = LayerSerialization.serialize(layer);
      entry.put("name", layer.name());
      List<Object> nodes = new ArrayList<>();
      for (Node node : layer.inboundNodes()) {
        if (own.contains(node) && !node.isInput()) {
          nodes.add(serializeNode(node, own));
        }
      }
      entry.put("inbound_nodes", nodes);
      layers.add(entry);
    }
    config.put("layers", layers);
    config.put("input_layers", references(model.inputs(), own));
    config.put("output_layers", references(model.outputs(), own));
    return config;
  }

  private static Map<String, Object> serializeNode(Node node, Set<Node> own) {
    String cls = CallConventions.className((Layer) node.operation());
    List<Object> inputs = new ArrayList<>();
    for (KerasTensor t : node.inputs()) {
      KerasHistory h = t.history();
      inputs.add(LayerSerialization.tensor(t, h.operation().name(),
          ownIndex(h.operation(), h.nodeIndex(), own), h.tensorIndex()));
    }
    Map<String, Object> out = Config.map();
    out.put("args", CallConventions.args(cls, inputs));
    out.put("kwargs", CallConventions.kwargs(cls, inputs.size()));
    return out;
  }

  /** The node's number among the operation's nodes that belong to this model. */
  private static int ownIndex(Operation op, int nodeIndex, Set<Node> own) {
    int n = 0;
    for (int i = 0; i < nodeIndex; i++) {
      if (own.contains(op.inboundNodes().get(i))) {
        n++;
      }
    }
    return n;
  }

  private static List<Object> references(List<KerasTensor> tensors, Set<Node> own) {
    List<Object> out = new ArrayList<>();
    for (KerasTensor t : tensors) {
      KerasHistory h = t.history();
      out.add(new ArrayList<>(List.of(h.operation().name(),
          ownIndex(h.operation(), h.nodeIndex(), own), h.tensorIndex())));
    }
    return out;
  }

  // ---- rebuilding ------------------------------------------------------------------------------

  /** Keras's {@code Functional.from_config}: layers first, then their calls in dependency order. */
  @SuppressWarnings("unchecked")
  public static Model fromConfig(Map<String, Object> config) {
    Object layerList = config.get("layers");
    if (!(layerList instanceof List<?> layerData)) {
      throw new JKerasException("A functional config needs a 'layers' list; got keys "
          + config.keySet() + ".");
    }
    Map<String, Layer> created = new LinkedHashMap<>();
    Map<Layer, List<Object>> pending = new LinkedHashMap<>();
    for (Object o : layerData) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new JKerasException("Each entry of 'layers' should be a dict; got " + o + ".");
      }
      Map<String, Object> entry = (Map<String, Object>) m;
      Layer layer = LayerSerialization.deserialize(entry);
      String name = entry.get("name") instanceof String s ? s : layer.name();
      if (created.containsKey(name)) {
        throw new JKerasException("The config names two layers '" + name + "'; layer names in a"
            + " model must be unique.");
      }
      created.put(name, layer);
      Object nodes = entry.get("inbound_nodes");
      List<Object> list = nodes instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
      if (!list.isEmpty()) {
        pending.put(layer, list);
      }
    }
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (Layer layer : new ArrayList<>(pending.keySet())) {
        List<Object> nodes = pending.get(layer);
        while (!nodes.isEmpty()) {
          List<KerasTensor> args = NodeData.inputs(nodes.get(0), layer.name(), created);
          if (args == null) {
            break;
          }
          layer.applyOutputs(args);
          nodes.remove(0);
          progress = true;
        }
        if (nodes.isEmpty()) {
          pending.remove(layer);
        }
      }
      if (!progress) {
        Layer stuck = pending.keySet().iterator().next();
        throw new JKerasException("Cannot rebuild the model: a call of layer '" + stuck.name()
            + "' needs a tensor that no layer in the config produces: "
            + NodeData.describe(pending.get(stuck).get(0)) + ".");
      }
    }
    Object ins = config.get("input_layers");
    Object outs = config.get("output_layers");
    Model model;
    if (outs instanceof Map<?, ?> outMap) {
      Map<String, KerasTensor> outputs = NodeData.namedReferences(outMap, created, "output");
      model = ins instanceof Map<?, ?> inMap
          ? new Model(NodeData.namedReferences(inMap, created, "input"), outputs)
          : new Model(NodeData.references(ins, created, "input"), outputs);
    } else if (ins instanceof Map<?, ?> inMap) {
      List<KerasTensor> outputs = NodeData.references(outs, created, "output");
      if (outputs.size() != 1) {
        throw new JKerasException("A model with named inputs needs one output or named outputs.");
      }
      model = new Model(NodeData.namedReferences(inMap, created, "input"), outputs.get(0));
    } else {
      model = new Model(NodeData.references(ins, created, "input"),
          NodeData.references(outs, created, "output"));
    }
    if (config.get("name") instanceof String name) {
      model.name(name);
    }
    if (config.get("trainable") instanceof Boolean b) {
      model.trainable(b);
    }
    return model;
  }
}
