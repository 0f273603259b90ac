package org.jkeras.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;

/**
 * A Keras config: the {@code config} dict of a serialized object, with Keras's snake_case keys
 * and JSON-like values (String, Number, Boolean, List, Map, null). Typed getters take the
 * defaults Keras uses, and name the owner and the key when a value has the wrong type.
 */
public final class Config {
  private final String owner;
  private final Map<String, Object> values;

  public Config(String owner, Map<String, Object> values) {
    this.owner = owner;
    this.values = values == null ? Map.of() : values;
  }

  /** A fresh, ordered, mutable config map, as {@code getConfig()} implementations build them. */
  public static Map<String, Object> map() {
    return new LinkedHashMap<>();
  }

  public Map<String, Object> asMap() {
    return Collections.unmodifiableMap(values);
  }

  public boolean has(String key) {
    return values.containsKey(key) && values.get(key) != null;
  }

  public Object raw(String key) {
    return values.get(key);
  }

  public String getString(String key, String fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof String s) {
      return s;
    }
    throw wrongType(key, "a string", v);
  }

  public int getInt(String key, int fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      long l = n.longValue();
      if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
        return (int) l;
      }
    }
    throw wrongType(key, "an integer", v);
  }

  public int requireInt(String key) {
    if (!has(key)) {
      throw new JKerasException(owner + " config is missing the required key '" + key + "'.");
    }
    return getInt(key, 0);
  }

  public double getDouble(String key, double fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw wrongType(key, "a number", v);
  }

  public boolean getBoolean(String key, boolean fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw wrongType(key, "true or false", v);
  }

  /** An int tuple; a single number stands for {@code rank} copies, as Keras accepts. */
  public int[] getInts(String key, int rank, int[] fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number) {
      int[] out = new int[rank];
      java.util.Arrays.fill(out, getInt(key, 0));
      return out;
    }
    if (v instanceof List<?> list) {
      int[] out = new int[list.size()];
      for (int i = 0; i < out.length; i++) {
        Object e = list.get(i);
        Integer n = exactInt(e);
        if (n == null) {
          throw wrongType(key, "a list of integers", v);
        }
        out[i] = n;
      }
      return out;
    }
    throw wrongType(key, "an integer or a list of integers", v);
  }

  /**
   * An int tuple of exactly {@code count} entries (a single number stands for {@code count}
   * copies), or {@code fallback} when the key is absent; null {@code fallback} makes the key
   * required. Layers read kernel sizes, pool sizes and strides with it.
   */
  public int[] getInts(String key, int count, int[] fallback, boolean exactCount) {
    int[] out = getInts(key, count, fallback);
    if (out == null) {
      throw new JKerasException(owner + " config is missing the required key '" + key + "'.");
    }
    if (exactCount && out.length != count) {
      throw wrongType(key, count + (count == 1 ? " integer" : " integers"), values.get(key));
    }
    return out;
  }

  /** A shape list such as {@code [null, 5, 8]}; null entries become unknown dimensions. */
  public int[] getShape(String key) {
    Object v = values.get(key);
    if (!(v instanceof List<?> list)) {
      throw wrongType(key, "a shape list", v);
    }
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object e = list.get(i);
      Integer n = e == null ? Integer.valueOf(-1) : exactInt(e);
      if (n == null) {
        throw wrongType(key, "a shape list of integers and nulls", v);
      }
      out[i] = n;
    }
    return out;
  }

  /** {@code v} as an int when it is a whole number in int range, else null (never truncated). */
  private static Integer exactInt(Object v) {
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      long l = n.longValue();
      if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
        return (int) l;
      }
    }
    return null;
  }

  /** A nested dict, for example a serialized initializer. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> getMap(String key) {
    Object v = values.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw wrongType(key, "a dict", v);
  }

  /** Shapes as JSON lists, {@code null} for unknown dimensions. */
  public static List<Object> shapeList(int[] dims) {
    List<Object> out = new ArrayList<>();
    for (int d : dims) {
      out.add(d < 0 ? null : d);
    }
    return out;
  }

  /** An int array as a JSON list. */
  public static List<Object> intList(int[] values) {
    List<Object> out = new ArrayList<>();
    for (int v : values) {
      out.add(v);
    }
    return out;
  }

  private JKerasException wrongType(String key, String expected, Object got) {
    return new JKerasException(owner + " config key '" + key + "' should be " + expected
        + ", got " + got + ".");
  }
}
