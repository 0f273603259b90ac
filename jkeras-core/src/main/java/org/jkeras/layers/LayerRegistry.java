package org.jkeras.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jkeras.backend.JKerasException;
import org.jkeras.config.Config;
import org.jkeras.config.KerasObjects;

/**
 * Layer classes by Keras's {@code class_name}, so configs become layers without an if/else chain.
 * Built-in layers register in {@link BuiltinLayers}; users register their own with {@link
 * #register}.
 */
public final class LayerRegistry {
  private static final Map<String, Function<Config, ? extends Layer>> FACTORIES =
      new LinkedHashMap<>();
  private static final Map<Class<?>, String> REGISTERED_NAMES = new LinkedHashMap<>();

  static {
    BuiltinLayers.registerAll();
  }

  private LayerRegistry() {}

  /** Makes {@code className} known: {@code factory} builds a layer from its config. */
  public static synchronized void register(
      String className, Function<Config, ? extends Layer> factory) {
    FACTORIES.put(className, factory);
  }

  /**
   * Registers a user layer class under Keras's registered name ({@code "Custom>Scale"}, as
   * Python's {@code register_keras_serializable(package="Custom")} writes it): saved files then
   * carry that name, and files from Python with it load with this factory.
   */
  public static synchronized <T extends Layer> void register(
      String registeredName, Class<T> type, Function<Config, T> factory) {
    FACTORIES.put(registeredName, factory);
    String simple = registeredName.substring(registeredName.indexOf('>') + 1);
    FACTORIES.putIfAbsent(simple, factory);
    REGISTERED_NAMES.put(type, registeredName);
  }

  /** The registered name of a user layer class, or null for unregistered and built-in ones. */
  public static synchronized String registeredName(Class<?> type) {
    return REGISTERED_NAMES.get(type);
  }

  public static synchronized boolean isRegistered(String className) {
    return FACTORIES.containsKey(className);
  }

  /** A new layer of class {@code className} from its config. */
  public static Layer fromConfig(String className, Map<String, Object> config) {
    Function<Config, ? extends Layer> factory;
    synchronized (LayerRegistry.class) {
      factory = FACTORIES.get(className);
    }
    if (factory == null) {
      throw new JKerasException("Unknown layer class '" + className + "'. Register it with"
          + " LayerRegistry.register(\"" + className + "\", config -> ...) before loading.");
    }
    return factory.apply(new Config(className, config));
  }

  /** A layer in Keras's serialized form. */
  public static Map<String, Object> serialize(Layer layer) {
    return KerasObjects.serialize("keras.layers", layer.getClass().getSimpleName(),
        layer.getConfig());
  }

  /** A layer from Keras's serialized form. */
  public static Layer deserialize(Map<String, Object> serialized) {
    if (serialized == null) {
      throw new JKerasException("A nested layer's config (for example a wrapper's 'layer') is"
          + " missing or null; the config is damaged or not a Keras config.");
    }
    return fromConfig(KerasObjects.className(serialized), KerasObjects.innerConfig(serialized));
  }
}
