package org.jkeras.config;

import java.util.Map;

/**
 * Keras's serialized form of a nested object (an initializer, a regularizer, a constraint, a
 * layer): {@code {"module", "class_name", "config", "registered_name"}}.
 */
public final class KerasObjects {
  private KerasObjects() {}

  public static Map<String, Object> serialize(
      String module, String className, Map<String, Object> config) {
    Map<String, Object> out = Config.map();
    out.put("module", module);
    out.put("class_name", className);
    out.put("config", config);
    out.put("registered_name", null);
    return out;
  }

  /** The {@code class_name} of a serialized object. */
  public static String className(Map<String, Object> serialized) {
    Object c = serialized.get("class_name");
    return c instanceof String s ? s : null;
  }

  /** The inner {@code config} of a serialized object (empty when absent). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> innerConfig(Map<String, Object> serialized) {
    Object c = serialized.get("config");
    return c instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
