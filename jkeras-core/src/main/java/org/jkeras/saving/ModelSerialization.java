package org.jkeras.saving;

import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.TensorSizeLimit;
import org.jkeras.config.KerasObjects;
import org.jkeras.layers.Layer;
import org.jkeras.models.Model;

/**
 * A whole model as the top-level dict of {@code config.json} and {@code model.to_json()}: the
 * serialized model with its {@code build_config} and, when compiled, its {@code compile_config}.
 */
public final class ModelSerialization {
  private ModelSerialization() {}

  /** Keras's {@code serialize_keras_object(model)}. */
  public static Map<String, Object> serialize(Model model) {
    Map<String, Object> out = LayerSerialization.serialize(model);
    Map<String, Object> compile = CompileConfig.get(model);
    if (compile != null) {
      out.put("compile_config", compile);
    }
    return out;
  }

  /**
   * A model from its serialized dict; compiled when the dict has a compile config. The dict is
   * treated as untrusted: no tensor it asks for may exceed {@link LoadLimits#maxTensorElements}.
   */
  public static Model deserialize(Map<String, Object> serialized, boolean compile) {
    return TensorSizeLimit.within(LoadLimits.maxTensorElements(),
        () -> deserializeModel(serialized, compile));
  }

  @SuppressWarnings("unchecked")
  private static Model deserializeModel(Map<String, Object> serialized, boolean compile) {
    if (!serialized.containsKey("class_name")) {
      if (serialized.containsKey("layers")) {
        return fromInnerConfig(serialized);
      }
      throw new JKerasException("The model config has no 'class_name' (keys: "
          + serialized.keySet() + "); it is not a Keras model config.");
    }
    String cls = KerasObjects.className(serialized);
    if (!"Functional".equals(cls) && !"Model".equals(cls) && !"Sequential".equals(cls)) {
      throw new JKerasException("The file holds a '" + cls + "', not a Functional or Sequential"
          + " model; jkeras loads functional and Sequential models (subclassed Python models"
          + " cannot be rebuilt without their code).");
    }
    Layer layer = LayerSerialization.deserialize(serialized);
    Model model = (Model) layer;
    if (compile && serialized.get("compile_config") instanceof Map<?, ?> cc) {
      CompileConfig.apply(model, (Map<String, Object>) cc);
    }
    return model;
  }

  /** {@code Model.from_config}: a functional config, or a Sequential one. */
  public static Model fromInnerConfig(Map<String, Object> config) {
    if (config.containsKey("class_name") && config.containsKey("config")) {
      return deserialize(config, false);
    }
    if (config.containsKey("input_layers")) {
      return FunctionalConfig.fromConfig(config);
    }
    return SequentialConfig.fromConfig(config);
  }
}
