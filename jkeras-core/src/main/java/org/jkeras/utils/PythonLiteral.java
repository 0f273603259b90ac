package org.jkeras.utils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the small subset of Python literals that a {@code .npy} header holds: dicts,
 * tuples, lists, strings, integers, {@code True}, {@code False} and {@code None}. numpy reads the
 * header with {@code ast.literal_eval}; this is the same idea without running any code, linear in
 * the header length and with a nesting limit, so a hostile header cannot exhaust the stack.
 *
 * <p>Values map to Java as: dict to {@code Map<Object, Object>} (insertion order), tuple to
 * {@link Tuple}, list to {@code List<Object>}, str to {@code String}, int to {@code Long}, bool
 * to {@code Boolean} and None to {@link #NONE}.
 */
final class PythonLiteral {
  /** Python's {@code None}. */
  static final Object NONE = new Object() {
    @Override
    public String toString() {
      return "None";
    }
  };

  /** A Python tuple, kept apart from lists because a {@code .npy} shape must be a tuple. */
  record Tuple(List<Object> items) {}

  /** Thrown with a short reason; the caller adds which file and header it was. */
  static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message);
    }
  }

  private static final int MAX_DEPTH = 32;

  private final String text;
  private int pos;

  private PythonLiteral(String text) {
    this.text = text;
  }

  /** Parses one literal that must span the whole text, surrounding whitespace aside. */
  static Object parse(String text) throws SyntaxError {
    PythonLiteral p = new PythonLiteral(text);
    Object value = p.value(0);
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("unexpected text after the literal");
    }
    return value;
  }

  /** The value as Python's {@code repr} would print it, for messages. */
  static String repr(Object value) {
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Tuple(List<Object> items)) {
      String inner = join(items);
      return "(" + inner + (items.size() == 1 ? ",)" : ")");
    }
    if (value instanceof List<?> list) {
      return "[" + join(list) + "]";
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder("{");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(sb.length() > 1 ? ", " : "").append(repr(e.getKey())).append(": ")
            .append(repr(e.getValue()));
      }
      return sb.append('}').toString();
    }
    return String.valueOf(value);
  }

  private static String join(List<?> items) {
    StringBuilder sb = new StringBuilder();
    for (Object o : items) {
      sb.append(sb.isEmpty() ? "" : ", ").append(repr(o));
    }
    return sb.toString();
  }

  private Object value(int depth) throws SyntaxError {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
    skipSpace();
    if (pos >= text.length()) {
      throw error("the text ends where a value was expected");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> dict(depth);
      case '(' -> sequence(depth, ')');
      case '[' -> sequence(depth, ']');
      case '\'', '"' -> string(c);
      default -> {
        if (c == '-' || c == '+' || Character.isDigit(c)) {
          yield integer();
        }
        yield word();
      }
    };
  }

  private Map<Object, Object> dict(int depth) throws SyntaxError {
    pos++;
    Map<Object, Object> map = new LinkedHashMap<>();
    while (true) {
      skipSpace();
      if (peek() == '}') {
        pos++;
        return map;
      }
      Object key = value(depth + 1);
      skipSpace();
      expect(':');
      Object v = value(depth + 1);
      if (map.put(key, v) != null) {
        throw error("duplicate key " + key);
      }
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else if (peek() != '}') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private Object sequence(int depth, char close) throws SyntaxError {
    pos++;
    List<Object> items = new ArrayList<>();
    boolean sawComma = false;
    while (true) {
      skipSpace();
      if (peek() == close) {
        pos++;
        break;
      }
      items.add(value(depth + 1));
      skipSpace();
      if (peek() == ',') {
        pos++;
        sawComma = true;
      } else if (peek() != close) {
        throw error("expected ',' or '" + close + "'");
      }
    }
    if (close == ']') {
      return items;
    }
    // "(5)" is the integer 5 in Python, not a tuple; "(5,)" and "()" are tuples.
    if (items.size() == 1 && !sawComma) {
      return items.get(0);
    }
    return new Tuple(List.copyOf(items));
  }

  private String string(char quote) throws SyntaxError {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) {
        return sb.toString();
      }
      if (c == '\\') {
        if (pos >= text.length()) {
          break;
        }
        char e = text.charAt(pos++);
        sb.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          case '0' -> '\0';
          default -> e;
        });
      } else if (c == '\n') {
        throw error("a string runs past the end of the line");
      } else {
        sb.append(c);
      }
    }
    throw error("a string is not closed");
  }

  private Long integer() throws SyntaxError {
    int start = pos;
    if (peek() == '-' || peek() == '+') {
      pos++;
    }
    int digits = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos == digits) {
      throw error("a sign without digits");
    }
    String number = text.substring(start, pos);
    // Python 2 wrote long integers as "3L"; numpy still reads such old headers.
    if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
      pos++;
    }
    try {
      return Long.parseLong(number);
    } catch (NumberFormatException e) {
      throw error("the integer " + number + " is too large");
    }
  }

  private Object word() throws SyntaxError {
    int start = pos;
    while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
      pos++;
    }
    String w = text.substring(start, pos);
    return switch (w) {
      case "True" -> Boolean.TRUE;
      case "False" -> Boolean.FALSE;
      case "None" -> NONE;
      default -> {
        pos = start;
        throw error(w.isEmpty() ? "unexpected character '" + text.charAt(pos) + "'"
            : "unexpected name '" + w + "'");
      }
    };
  }

  private void expect(char c) throws SyntaxError {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private SyntaxError error(String reason) {
    return new SyntaxError(reason + " at character " + pos);
  }
}
