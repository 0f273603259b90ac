package org.jkeras.saving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.graph.KerasTensor;
import org.jkeras.graph.Node;
import org.jkeras.layers.Layer;

/**
 * Reads the calls recorded in a functional config: Keras 3's {@code {"args", "kwargs"}} dicts
 * with {@code __keras_tensor__} entries, and Keras 2's {@code [["name", node, tensor, {}], ...]}
 * lists. Node indices are Keras's (a model's calls from 0).
 */
final class NodeData {
  private NodeData() {}

  /**
   * The input tensors of one recorded call, or null when a tensor it needs has not been made yet
   * (its layer's call comes later in the config).
   */
  @SuppressWarnings("unchecked")
  static List<KerasTensor> inputs(Object nodeData, String layerName, Map<String, Layer> created) {
    List<Object> refs = new ArrayList<>();
    if (nodeData instanceof List<?> legacy) {
      for (Object entry : legacy) {
        refs.add(entry);
      }
    } else if (nodeData instanceof Map<?, ?> m) {
      Map<String, Object> node = (Map<String, Object>) m;
      collect(node.get("args"), refs);
      if (node.get("kwargs") instanceof Map<?, ?> kw) {
        for (Map.Entry<?, ?> e : kw.entrySet()) {
          List<Object> found = new ArrayList<>();
          collect(e.getValue(), found);
          if (!found.isEmpty()) {
            if (!"key".equals(e.getKey())) {
              throw new JKerasException("Layer '" + layerName + "' was called with the tensor"
                  + " argument '" + e.getKey() + "', which jkeras cannot rebuild; only the"
                  + " layer's inputs can be tensors.");
            }
            refs.addAll(found);
          }
        }
      }
    } else {
      throw new JKerasException("A call of layer '" + layerName + "' is recorded as " + nodeData
          + "; expected a dict with 'args' and 'kwargs' or a list of [layer, node, tensor].");
    }
    List<KerasTensor> out = new ArrayList<>();
    for (Object ref : refs) {
      KerasTensor t = resolve(history(ref, layerName), created, layerName);
      if (t == null) {
        return null;
      }
      out.add(t);
    }
    return out;
  }

  /** Gathers the {@code __keras_tensor__} entries of args, depth first, in order. */
  @SuppressWarnings("unchecked")
  private static void collect(Object value, List<Object> out) {
    if (value instanceof List<?> list) {
      for (Object o : list) {
        collect(o, out);
      }
    } else if (value instanceof Map<?, ?> m) {
      if ("__keras_tensor__".equals(m.get("class_name"))) {
        out.add(m);
      } else {
        for (Object o : ((Map<String, Object>) m).values()) {
          collect(o, out);
        }
      }
    }
  }

  /** [layer name, node index, tensor index] from a tensor entry or a legacy list. */
  private static List<?> history(Object ref, String layerName) {
    Object h = ref;
    if (ref instanceof Map<?, ?> m && m.get("config") instanceof Map<?, ?> c) {
      h = c.get("keras_history");
    }
    if (h instanceof List<?> l && l.size() >= 3 && l.get(0) instanceof String
        && l.get(1) instanceof Number && l.get(2) instanceof Number) {
      return l;
    }
    throw new JKerasException("A call of layer '" + layerName + "' has an input reference " + ref
        + "; expected [layer name, node index, tensor index].");
  }

  /** The tensor a reference names; null when that call has not been rebuilt yet. */
  private static KerasTensor resolve(List<?> h, Map<String, Layer> created, String user) {
    String name = (String) h.get(0);
    int kerasNode = ((Number) h.get(1)).intValue();
    int index = ((Number) h.get(2)).intValue();
    Layer layer = created.get(name);
    if (layer == null) {
      throw new JKerasException("Layer '" + user + "' refers to an unknown layer '" + name
          + "'. Known layers: " + created.keySet() + ".");
    }
    int node = kerasNode - layer.kerasNodeIndex(0);
    if (kerasNode < 0 || index < 0) {
      throw new JKerasException("Layer '" + user + "' refers to node " + kerasNode + ", tensor "
          + index + " of layer '" + name + "'; indices cannot be negative.");
    }
    if (node >= layer.inboundNodes().size()) {
      return null;
    }
    Node n = layer.inboundNodes().get(node);
    if (index >= n.outputs().size()) {
      throw new JKerasException("Layer '" + user + "' refers to output " + index + " of call "
          + kerasNode + " of layer '" + name + "', which has only " + n.outputs().size()
          + " outputs.");
    }
    return n.outputs().get(index);
  }

  /** The model's inputs or outputs from {@code input_layers} / {@code output_layers}. */
  static List<KerasTensor> references(Object spec, Map<String, Layer> created, String what) {
    if (!(spec instanceof List<?> list) || list.isEmpty()) {
      throw new JKerasException("The config's " + what + "_layers should be a non-empty list of"
          + " [layer name, node index, tensor index]; got " + spec + ".");
    }
    List<Object> entries = new ArrayList<>();
    if (list.get(0) instanceof String) {
      entries.add(list);
    } else {
      entries.addAll(list);
    }
    List<KerasTensor> out = new ArrayList<>();
    for (Object e : entries) {
      KerasTensor t = resolve(history(e, what + "_layers"), created, what + "_layers");
      if (t == null) {
        throw new JKerasException("The config's " + what + "_layers entry " + e + " names a call"
            + " that the config does not record.");
      }
      out.add(t);
    }
    return out;
  }

  static Map<String, KerasTensor> namedReferences(
      Map<?, ?> spec, Map<String, Layer> created, String what) {
    Map<String, KerasTensor> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : spec.entrySet()) {
      out.put(String.valueOf(e.getKey()), references(e.getValue(), created, what).get(0));
    }
    return out;
  }

  /** A short description of a recorded call, for errors. */
  static String describe(Object nodeData) {
    String s = String.valueOf(nodeData);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
