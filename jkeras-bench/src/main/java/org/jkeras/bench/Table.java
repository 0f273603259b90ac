package org.jkeras.bench;

import java.util.List;
import java.util.Map;

/** The side-by-side table: one line per model, jkeras next to PyTorch. */
final class Table {
  private Table() {}

  static String render(List<Map<String, Object>> rows) {
    StringBuilder b = new StringBuilder();
    String head = "%-5s | %10s %10s %6s %6s | %10s %10s %6s %6s | %8s %8s%n";
    b.append(String.format(head, "", "train/s", "", "", "%peak", "infer/s", "", "", "%peak",
        "peak RSS", "MB"));
    b.append(String.format(head, "model", "jkeras", "PyTorch", "ratio", "jk", "jkeras",
        "PyTorch", "ratio", "jk", "jkeras", "PyTorch"));
    b.append("-".repeat(106)).append('\n');
    for (Map<String, Object> r : rows) {
      b.append(String.format(head, r.get("model"),
          count(r.get("jkeras_train_per_s")), count(r.get("torch_train_per_s")),
          ratio(r.get("train_ratio")), percent(r.get("jkeras_train_peak_fraction")),
          count(r.get("jkeras_infer_per_s")), count(r.get("torch_infer_per_s")),
          ratio(r.get("infer_ratio")), percent(r.get("jkeras_infer_peak_fraction")),
          count(r.get("jkeras_peak_rss_mb")), count(r.get("torch_peak_rss_mb"))));
    }
    b.append(jvm(rows));
    b.append("samples/s: median of 3 epochs after 1 warm-up; ratio = jkeras / PyTorch;"
        + " %peak = jkeras's FLOP rate\n(matrix products, forward+backward for training) over"
        + " the measured peak.\n");
    return b.toString();
  }

  /** jkeras's collector, heap limit and JVM flags, which decide much of its peak RSS. */
  private static String jvm(List<Map<String, Object>> rows) {
    for (Map<String, Object> r : rows) {
      if (r.get("jkeras") instanceof Map<?, ?> jk && jk.get("gc") != null) {
        Object flags = jk.get("jvm_flags");
        return String.format("jkeras JVM: %s collector, max heap %s MB, flags: %s%n", jk.get("gc"),
            count(jk.get("max_heap_mb")), flags == null || flags.toString().isEmpty()
                ? "none (the JVM's defaults)" : flags);
      }
    }
    return "";
  }

  private static String count(Object v) {
    return v instanceof Number n ? String.format("%,.0f", n.doubleValue()) : "-";
  }

  private static String ratio(Object v) {
    return v instanceof Number n ? String.format("%.2fx", n.doubleValue()) : "-";
  }

  private static String percent(Object v) {
    return v instanceof Number n ? String.format("%.1f%%", 100 * n.doubleValue()) : "-";
  }
}
