package org.jkeras.saving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.config.Config;
import org.jkeras.layers.Layer;
import org.jkeras.layers.core.InputLayer;
import org.jkeras.models.Sequential;

/**
 * A Sequential model's config in Keras 3's schema: {@code name}, {@code trainable}, {@code dtype},
 * {@code layers} (the InputLayer first when known) and {@code build_input_shape}.
 */
public final class SequentialConfig {
  private SequentialConfig() {}

  /** Keras's {@code Sequential.get_config()}. */
  public static Map<String, Object> get(Sequential model) {
    Map<String, Object> config = Config.map();
    config.put("name", model.name());
    config.put("trainable", model.trainable());
    config.put("dtype", "float32");
    List<Object> layers = new ArrayList<>();
    if (model.hasGraph()) {
      layers.add(LayerSerialization.serialize(
          (Layer) model.inputs().get(0).history().operation()));
    }
    for (Layer l : model.hasGraph() ? model.layers() : model.stackedLayers()) {
      layers.add(LayerSerialization.serialize(l));
    }
    config.put("layers", layers);
    if (model.hasGraph()) {
      config.put("build_input_shape", Config.shapeList(model.inputs().get(0).shape().dims()));
    }
    return config;
  }

  /** Keras's {@code Sequential.from_config}: the layers added in order, then built. */
  @SuppressWarnings("unchecked")
  public static Sequential fromConfig(Map<String, Object> config) {
    Object layerList = config.get("layers");
    if (!(layerList instanceof List<?> layers)) {
      throw new JKerasException("A Sequential config needs a 'layers' list; got keys "
          + config.keySet() + ".");
    }
    Sequential model = new Sequential();
    if (config.get("name") instanceof String name) {
      model.name(name);
    }
    boolean hasInput = false;
    for (Object o : layers) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new JKerasException("Each entry of 'layers' should be a dict; got " + o + ".");
      }
      Layer layer = LayerSerialization.deserialize((Map<String, Object>) m);
      hasInput |= layer instanceof InputLayer;
      model.add(layer);
    }
    Object shape = config.get("build_input_shape");
    if (!hasInput && shape instanceof List<?>) {
      int[] dims = LayerSerialization.shape(shape, "build_input_shape").dims();
      model.build(Shape.of(Arrays.copyOfRange(dims, 1, dims.length)));
    }
    if (config.get("trainable") instanceof Boolean b) {
      model.trainable(b);
    }
    return model;
  }
}
