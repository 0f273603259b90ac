package org.jkeras.backend;

/**
 * Prints tensors as numpy does: nested brackets, aligned columns, and "..." in place of the middle
 * of each axis when the tensor has more than {@value #THRESHOLD} elements (3 items kept at each
 * edge).
 */
final class TensorFormatter {
  private static final int THRESHOLD = 1000;
  private static final int EDGE_ITEMS = 3;

  private TensorFormatter() {}

  static String format(Tensor t) {
    boolean summarize = t.size() > THRESHOLD;
    int[] dims = t.shape().dims();
    // numpy aligns decimal points: integer parts padded left, fractions padded right.
    Layout layout = new Layout();
    for (int k = 0; k < t.size(); k++) {
      if (!summarize || isShown(k, dims)) {
        layout.measure(element(t, k), t.dtype() == DType.FLOAT32);
      }
    }
    StringBuilder sb = new StringBuilder("Tensor(");
    String indent = " ".repeat("Tensor(".length());
    appendAxis(sb, t, dims, 0, 0, layout, summarize, indent);
    return sb.append(", shape=").append(t.shape()).append(", dtype=").append(t.dtype()).append(')')
        .toString();
  }

  private static void appendAxis(
      StringBuilder sb, Tensor t, int[] dims, int axis, int offset, Layout layout, boolean summarize,
      String indent) {
    if (axis == dims.length) {
      layout.append(sb, element(t, offset));
      return;
    }
    int stride = 1;
    for (int a = axis + 1; a < dims.length; a++) {
      stride *= dims[a];
    }
    sb.append('[');
    int n = dims[axis];
    boolean cut = summarize && n > 2 * EDGE_ITEMS;
    String separator = axis == dims.length - 1 ? " " : "\n".repeat(dims.length - 1 - axis) + indent
        + " ".repeat(axis + 1);
    for (int i = 0; i < n; i++) {
      if (cut && i == EDGE_ITEMS) {
        sb.append("...").append(separator);
        i = n - EDGE_ITEMS;
      }
      appendAxis(sb, t, dims, axis + 1, offset + i * stride, layout, summarize, indent);
      if (i < n - 1) {
        sb.append(separator);
      }
    }
    sb.append(']');
  }

  private static boolean isShown(int flat, int[] dims) {
    for (int a = dims.length - 1; a >= 0; a--) {
      int i = flat % dims[a];
      flat /= dims[a];
      if (dims[a] > 2 * EDGE_ITEMS && i >= EDGE_ITEMS && i < dims[a] - EDGE_ITEMS) {
        return false;
      }
    }
    return true;
  }

  private static String element(Tensor t, int k) {
    if (t.dtype() == DType.BOOL) {
      return t.getFlat(k) != 0 ? "True" : "False";
    }
    if (t.dtype() != DType.FLOAT32) {
      return Long.toString((long) t.getFlat(k));
    }
    float v = (float) t.getFlat(k);
    if (Float.isNaN(v)) {
      return "nan";
    }
    if (Float.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e16) {
      return (long) v + ".";
    }
    String s = String.format("%.4g", v);
    if (s.contains("e")) {
      return s;
    }
    // Trim trailing zeros like numpy ("0.5000" -> "0.5").
    return s.contains(".") ? s.replaceAll("0+$", "") : s;
  }

  /** Column widths: decimal-aligned for plain floats, right-aligned otherwise. */
  private static final class Layout {
    private boolean decimal = true;
    private int width;
    private int intWidth;
    private int fracWidth;

    void measure(String e, boolean isFloat) {
      decimal &= isFloat && !e.contains("e") && !e.contains("n");
      width = Math.max(width, e.length());
      int dot = e.indexOf('.');
      intWidth = Math.max(intWidth, dot < 0 ? e.length() : dot);
      fracWidth = Math.max(fracWidth, dot < 0 ? 0 : e.length() - dot - 1);
    }

    void append(StringBuilder sb, String e) {
      if (!decimal) {
        sb.append(" ".repeat(width - e.length())).append(e);
        return;
      }
      int dot = e.indexOf('.');
      int intLen = dot < 0 ? e.length() : dot;
      int fracLen = dot < 0 ? 0 : e.length() - dot - 1;
      sb.append(" ".repeat(intWidth - intLen)).append(e).append(" ".repeat(fracWidth - fracLen));
    }
  }
}
