package org.jkeras.saving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.config.Config;
import org.jkeras.config.KerasObjects;
import org.jkeras.graph.KerasTensor;
import org.jkeras.graph.Node;
import org.jkeras.layers.Layer;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.layers.core.InputLayer;
import org.jkeras.models.Model;
import org.jkeras.models.Sequential;

/**
 * One layer (or nested model) in Keras's serialized form and back: {@code module},
 * {@code class_name}, {@code config}, {@code registered_name}, {@code build_config}. Loading never
 * runs code from the file: Lambda layers and unregistered classes are refused.
 */
public final class LayerSerialization {
  static final String FUNCTIONAL_MODULE = "keras.models.functional";

  private LayerSerialization() {}

  /** The layer as Keras's {@code serialize_keras_object} writes it. */
  public static Map<String, Object> serialize(Layer layer) {
    Map<String, Object> out = Config.map();
    if (layer instanceof Sequential seq) {
      out.put("module", "keras");
      out.put("class_name", "Sequential");
      out.put("config", SequentialConfig.get(seq));
      out.put("registered_name", null);
      Map<String, Object> build = Config.map();
      build.put("input_shape", seq.hasGraph()
          ? Config.shapeList(seq.inputs().get(0).shape().dims()) : null);
      out.put("build_config", build);
      return out;
    }
    if (layer instanceof Model m) {
      out.put("module", FUNCTIONAL_MODULE);
      out.put("class_name", "Functional");
      out.put("config", FunctionalConfig.get(m));
      out.put("registered_name", "Functional");
      Map<String, Object> build = Config.map();
      build.put("input_shape", null);
      out.put("build_config", build);
      return out;
    }
    String cls = layer.getClass().getSimpleName();
    boolean builtin = layer.getClass().getPackageName().startsWith("org.jkeras.layers");
    out.put("module", builtin ? "keras.layers" : layer.getClass().getPackageName());
    out.put("class_name", cls);
    out.put("config", layer.getConfig());
    String registered = LayerRegistry.registeredName(layer.getClass());
    out.put("registered_name", builtin ? null : registered != null ? registered : cls);
    Map<String, Object> build = buildConfig(layer);
    if (build != null) {
      out.put("build_config", build);
    }
    return out;
  }

  /** Keras's {@code get_build_config}: the input shapes of the first call. */
  private static Map<String, Object> buildConfig(Layer layer) {
    if (!layer.built() || layer instanceof org.jkeras.layers.core.InputLayer
        || layer.inboundNodes().isEmpty()) {
      return null;
    }
    List<KerasTensor> ins = layer.inboundNodes().get(0).inputs();
    Map<String, Object> build = Config.map();
    if (CallConventions.positional(CallConventions.className(layer))) {
      Map<String, Object> shapes = Config.map();
      String[] names = {"query_shape", "value_shape", "key_shape"};
      for (int i = 0; i < ins.size() && i < names.length; i++) {
        shapes.put(names[i], Config.shapeList(ins.get(i).shape().dims()));
      }
      build.put("shapes_dict", shapes);
    } else if (ins.size() == 1) {
      build.put("input_shape", Config.shapeList(ins.get(0).shape().dims()));
    } else {
      List<Object> shapes = new ArrayList<>();
      for (KerasTensor t : ins) {
        shapes.add(Config.shapeList(t.shape().dims()));
      }
      build.put("input_shape", shapes);
    }
    return build;
  }

  /** How deep {@link #deserialize} is nested on this thread (layers inside layers or models). */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  /**
   * A new layer (or nested model) from its serialized form. Nesting deeper than
   * {@link LoadLimits#MAX_LAYER_NESTING} is refused, and an input whose one sample would exceed
   * {@link LoadLimits#maxTensorElements} too, before anything is allocated.
   */
  public static Layer deserialize(Map<String, Object> serialized) {
    int[] depth = DEPTH.get();
    if (depth[0] >= LoadLimits.MAX_LAYER_NESTING) {
      throw new JKerasException("Layer '" + serialized.get("name") + "' is nested "
          + (depth[0] + 1) + " levels deep in layers and models, over jkeras's limit of "
          + LoadLimits.MAX_LAYER_NESTING + "; the config is damaged or hostile.");
    }
    depth[0]++;
    try {
      Layer layer = deserializeLayer(serialized);
      if (layer instanceof InputLayer input) {
        checkInputSize(input);
      }
      return layer;
    } finally {
      depth[0]--;
    }
  }

  /** Refuses an input whose one sample (batch dimension aside) is over the tensor limit. */
  private static void checkInputSize(InputLayer input) {
    int[] dims = input.batchShape().dims();
    long limit = LoadLimits.maxTensorElements();
    long n = 1;
    for (int i = 1; i < dims.length; i++) {
      if (dims[i] > 0) {
        n = n > limit / dims[i] ? limit + 1 : n * dims[i];
      }
    }
    if (n > limit) {
      throw new JKerasException("Input '" + input.name() + "' has shape " + input.batchShape()
          + ": one sample would be over the limit of " + limit + " elements per tensor for"
          + " models loaded from files. If the file is trusted, raise the limit with"
          + " -Djkeras.load.maxTensorElements=N.");
    }
  }

  private static Layer deserializeLayer(Map<String, Object> serialized) {
    String cls = KerasObjects.className(serialized);
    Map<String, Object> inner = normalizeDTypes(KerasObjects.innerConfig(serialized));
    Object layerName = serialized.getOrDefault("name", inner.get("name"));
    if (cls == null) {
      throw new JKerasException("A layer entry has no 'class_name' (layer '" + layerName
          + "'); the file is damaged or not a Keras config.");
    }
    switch (cls) {
      case "Functional", "Model" -> {
        return FunctionalConfig.fromConfig(inner);
      }
      case "Sequential" -> {
        return SequentialConfig.fromConfig(inner);
      }
      case "Lambda" -> throw new JKerasException("Layer '" + layerName + "' is a Lambda layer,"
          + " whose function cannot be loaded from a file (loading never runs code from a file)."
          + " Rebuild the model in Java, or write the function as a layer class and register it"
          + " with LayerRegistry.register(\"YourLayer\", config -> ...).");
      default -> { }
    }
    Object registered = serialized.get("registered_name");
    String key = registered instanceof String r && LayerRegistry.isRegistered(r) ? r : cls;
    if (!LayerRegistry.isRegistered(key)) {
      throw new JKerasException("Layer '" + layerName + "' has class '" + cls + "'"
          + (registered instanceof String r && !r.equals(cls) ? " (registered as '" + r + "')" : "")
          + ", which is not known. Register it before loading with LayerRegistry.register(\""
          + key + "\", config -> new YourLayer(...)).");
    }
    return LayerRegistry.fromConfig(key, inner);
  }

  /**
   * Newer Keras writes {@code dtype} as a DTypePolicy object; layers read the plain name, so
   * policies become their name (recursively, for wrapped layers).
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> normalizeDTypes(Map<String, Object> config) {
    Map<String, Object> out = Config.map();
    for (Map.Entry<String, Object> e : config.entrySet()) {
      Object v = e.getValue();
      if (e.getKey().equals("dtype") && v instanceof Map<?, ?> policy) {
        Object name = KerasObjects.innerConfig((Map<String, Object>) policy).get("name");
        v = name instanceof String s ? s : "float32";
      } else if (v instanceof Map<?, ?> m && !e.getKey().equals("build_config")) {
        v = normalizeDTypes((Map<String, Object>) m);
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  /** A symbolic tensor as Keras writes it in node args. */
  static Map<String, Object> tensor(KerasTensor t, String layerName, int node, int index) {
    Map<String, Object> inner = Config.map();
    inner.put("shape", Config.shapeList(t.shape().dims()));
    inner.put("dtype", t.dtype().kerasName());
    inner.put("keras_history", new ArrayList<>(List.of(layerName, node, index)));
    Map<String, Object> out = Config.map();
    out.put("class_name", "__keras_tensor__");
    out.put("config", inner);
    return out;
  }

  /** The shape of a list such as {@code [null, 5, 8]}. */
  static Shape shape(Object list, String what) {
    if (!(list instanceof List<?> l)) {
      throw new JKerasException(what + " should be a shape list; got " + list + ".");
    }
    int[] dims = new int[l.size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = l.get(i) instanceof Number n ? n.intValue() : Shape.UNKNOWN;
    }
    return Shape.of(dims);
  }
}
