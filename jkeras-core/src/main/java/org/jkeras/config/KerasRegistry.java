package org.jkeras.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jkeras.backend.JKerasException;

/**
 * A family of serializable Keras objects (regularizers, constraints): class names and string
 * names to factories, and Keras's {@code get}/{@code serialize}/{@code deserialize} over them.
 *
 * @param <T> the family's type
 */
public final class KerasRegistry<T> {
  private final String kind;
  private final String module;
  private final Class<T> type;
  private final Function<T, String> className;
  private final Function<T, Map<String, Object>> config;
  private final Map<String, Function<Config, T>> byClass = new LinkedHashMap<>();
  private final Map<String, String> aliases = new LinkedHashMap<>();

  /**
   * @param kind the family's name in messages, for example {@code "regularizer"}
   * @param module the {@code module} Keras writes, for example {@code "keras.regularizers"}
   */
  public KerasRegistry(String kind, String module, Class<T> type,
      Function<T, String> className, Function<T, Map<String, Object>> config) {
    this.kind = kind;
    this.module = module;
    this.type = type;
    this.className = className;
    this.config = config;
  }

  /** Adds a class, with the string names that also give it (with its default arguments). */
  public synchronized void register(String cls, Function<Config, T> factory, String... names) {
    byClass.put(cls, factory);
    for (String n : names) {
      aliases.put(n, cls);
    }
  }

  /** Adds a string name with its own factory (a name whose defaults differ from the class's). */
  public synchronized void registerName(String name, Function<Config, T> factory) {
    byClass.put(name, factory);
  }

  /**
   * Keras's {@code get}: null gives null, an object is returned as is, a string is a class or
   * string name, a map a serialized object.
   */
  @SuppressWarnings("unchecked")
  public synchronized T get(Object identifier) {
    if (identifier == null) {
      return null;
    }
    if (type.isInstance(identifier)) {
      return type.cast(identifier);
    }
    if (identifier instanceof String s) {
      String cls = byClass.containsKey(s) ? s : aliases.get(s);
      if (cls == null) {
        throw new JKerasException("Could not interpret " + kind + " identifier: " + s
            + ". Known names: " + names() + ".");
      }
      return byClass.get(cls).apply(new Config(cls, Map.of()));
    }
    if (identifier instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      String cls = KerasObjects.className(map);
      String known = cls == null ? null : byClass.containsKey(cls) ? cls : aliases.get(cls);
      if (known == null) {
        throw new JKerasException("Could not locate " + kind + " class '" + cls + "'. Register"
            + " custom classes first. Full object config: " + map);
      }
      return byClass.get(known).apply(new Config(known, KerasObjects.innerConfig(map)));
    }
    throw new JKerasException("Could not interpret " + kind + " identifier: " + identifier);
  }

  /** Keras's serialized form ({@code module}, {@code class_name}, {@code config}); null: null. */
  public Map<String, Object> serialize(T object) {
    if (object == null) {
      return null;
    }
    return KerasObjects.serialize(module, className.apply(object), config.apply(object));
  }

  /** The string names (lower case), for messages. */
  public synchronized java.util.List<String> names() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String n : byClass.keySet()) {
      if (!Character.isUpperCase(n.charAt(0))) {
        out.add(n);
      }
    }
    for (String n : aliases.keySet()) {
      if (!Character.isUpperCase(n.charAt(0)) && !out.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }
}
