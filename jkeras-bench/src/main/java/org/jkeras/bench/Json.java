package org.jkeras.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the benchmark: writes maps, lists, numbers and strings, and reads back the
 * flat one-line objects that the benchmark children print (nested values are kept as raw text).
 */
final class Json {
  private Json() {}

  static String object(Map<String, ?> map) {
    StringBuilder b = new StringBuilder();
    write(b, map, "", false);
    return b.toString();
  }

  /** Indented, for the results file. */
  static String pretty(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, "", true);
    return b.append('\n').toString();
  }

  private static void write(StringBuilder b, Object v, String indent, boolean pretty) {
    String in = indent + "  ";
    String nl = pretty ? "\n" : "";
    if (v instanceof Map<?, ?> m) {
      b.append('{').append(nl);
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(pretty ? in : "").append(quote(String.valueOf(e.getKey()))).append(": ");
        write(b, e.getValue(), in, pretty);
        b.append(++i < m.size() ? (pretty ? "," : ", ") : "").append(nl);
      }
      b.append(pretty ? indent : "").append('}');
    } else if (v instanceof List<?> l) {
      // Lists of objects go one per line in the pretty form; other lists stay on one line.
      boolean tall = pretty && !l.isEmpty() && l.get(0) instanceof Map;
      b.append('[').append(tall ? "\n" : "");
      for (int i = 0; i < l.size(); i++) {
        b.append(tall ? in : "");
        write(b, l.get(i), in, tall);
        b.append(i + 1 < l.size() ? (tall ? "," : ", ") : "").append(tall ? "\n" : "");
      }
      b.append(tall ? indent : "").append(']');
    } else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      b.append(d.longValue());
    } else if (v instanceof Raw r) {
      b.append(r.text());
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else if (v == null) {
      b.append("null");
    } else {
      b.append(quote(v.toString()));
    }
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** JSON text kept verbatim (an array or object read back from a child). */
  record Raw(String text) {}

  /**
   * The top-level fields of a one-line JSON object: numbers as Double, strings as String, and
   * arrays, objects, true, false and null as {@link Raw}.
   */
  static Map<String, Object> parseFlat(String line) {
    Map<String, Object> out = new LinkedHashMap<>();
    int[] pos = {line.indexOf('{') + 1};
    while (true) {
      skipSpace(line, pos);
      if (pos[0] >= line.length() || line.charAt(pos[0]) == '}') {
        return out;
      }
      String key = readString(line, pos);
      skipSpace(line, pos);
      pos[0]++; // ':'
      skipSpace(line, pos);
      char c = line.charAt(pos[0]);
      if (c == '"') {
        out.put(key, readString(line, pos));
      } else if (c == '[' || c == '{') {
        int start = pos[0];
        skipNested(line, pos);
        out.put(key, new Raw(line.substring(start, pos[0])));
      } else {
        int start = pos[0];
        while (pos[0] < line.length() && ",}".indexOf(line.charAt(pos[0])) < 0) {
          pos[0]++;
        }
        String t = line.substring(start, pos[0]).trim();
        out.put(key, t.matches("-?[0-9.eE+-]+") ? (Object) Double.valueOf(t) : new Raw(t));
      }
      skipSpace(line, pos);
      if (pos[0] < line.length() && line.charAt(pos[0]) == ',') {
        pos[0]++;
      }
    }
  }

  private static void skipSpace(String s, int[] pos) {
    while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
      pos[0]++;
    }
  }

  private static String readString(String s, int[] pos) {
    StringBuilder b = new StringBuilder();
    pos[0]++; // opening quote
    while (s.charAt(pos[0]) != '"') {
      char c = s.charAt(pos[0]++);
      if (c == '\\') {
        char e = s.charAt(pos[0]++);
        if (e == 'u') {
          b.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
          pos[0] += 4;
        } else {
          b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
        }
      } else {
        b.append(c);
      }
    }
    pos[0]++;
    return b.toString();
  }

  private static void skipNested(String s, int[] pos) {
    int depth = 0;
    boolean inString = false;
    do {
      char c = s.charAt(pos[0]++);
      if (inString) {
        if (c == '\\') {
          pos[0]++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      }
    } while (depth > 0);
  }

  static List<Object> list(Object... values) {
    return new ArrayList<>(List.of(values));
  }
}
