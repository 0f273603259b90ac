package org.jkeras.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jkeras.backend.JKerasException;

/**
 * Objects of one family (losses, metrics) by Keras class name and string names, created from
 * configs; also reads Keras's serialized forms, including {@code {"class_name": "function",
 * "config": "mse"}} for plain functions.
 *
 * @param <T> the family's type
 */
public final class NamedRegistry<T> {
  private final String kind;
  private final Class<T> type;
  private final String exampleClass;
  private final Map<String, Function<Config, T>> byClass = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();

  /**
   * @param kind the family's name in messages ("loss")
   * @param exampleClass a class name the unknown-name message suggests ("BinaryCrossentropy")
   */
  public NamedRegistry(String kind, Class<T> type, String exampleClass) {
    this.kind = kind;
    this.type = type;
    this.exampleClass = exampleClass;
  }

  /** Adds a class with its Keras string names. */
  public synchronized void register(
      String className, Function<Config, T> factory, String... aliases) {
    byClass.put(className, factory);
    names.put(className, className);
    for (String n : aliases) {
      names.put(n, className);
    }
  }

  /** A fresh object for a string or class name, with Keras's defaults. */
  public T get(String name) {
    return create(name, Map.of());
  }

  /** An object from a name, a serialized dict or the object itself; null gives null. */
  @SuppressWarnings("unchecked")
  public T deserialize(Object spec) {
    if (spec == null) {
      return null;
    }
    if (type.isInstance(spec)) {
      return type.cast(spec);
    }
    if (spec instanceof String s) {
      return get(s);
    }
    if (spec instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      String cls = KerasObjects.className(map);
      if ("function".equals(cls) && map.get("config") instanceof String fn) {
        return get(fn);
      }
      if (cls == null) {
        throw new JKerasException("Could not interpret " + kind + " identifier: " + spec
            + " (a serialized " + kind + " needs a 'class_name').");
      }
      return create(cls, KerasObjects.innerConfig(map));
    }
    throw new JKerasException("Could not interpret " + kind + " identifier: " + spec);
  }

  /** Every snake_case name {@link #get} accepts (class names work too). */
  public synchronized List<String> names() {
    List<String> out = new ArrayList<>();
    for (String n : names.keySet()) {
      if (Character.isLowerCase(n.charAt(0))) {
        out.add(n);
      }
    }
    return out;
  }

  private synchronized T create(String name, Map<String, Object> config) {
    String cls = names.get(name);
    if (cls == null) {
      throw new JKerasException("Unknown " + kind + ": '" + name + "'. Valid names are "
          + names() + " (or a class name such as '" + exampleClass + "').");
    }
    return byClass.get(cls).apply(new Config(cls, config));
  }
}
