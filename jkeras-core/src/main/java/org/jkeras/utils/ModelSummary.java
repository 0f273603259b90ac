package org.jkeras.utils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jkeras.graph.KerasTensor;
import org.jkeras.graph.Node;
import org.jkeras.layers.Layer;
import org.jkeras.models.Model;
import org.jkeras.models.Sequential;

/**
 * {@code model.summary()} in Keras 3's layout: a row per layer with {@code name (Type)}, output
 * shape and parameter count, plus "Connected to" ({@code layer[node][tensor]}) for models that are
 * not a plain chain; then the total, trainable and non-trainable parameter counts with their sizes.
 */
public final class ModelSummary {
  private ModelSummary() {}

  public static String render(Model model, int lineLength) {
    boolean chain = isSequentialLike(model);
    int width = lineLength > 0 ? lineLength : chain ? 88 : 108;
    double[] positions = chain ? new double[] {0.45, 0.84, 1.0}
        : new double[] {0.3, 0.56, 0.74, 1.0};
    List<String> header = chain ? List.of("Layer (type)", "Output Shape", "Param #")
        : List.of("Layer (type)", "Output Shape", "Param #", "Connected to");
    boolean[] right = chain ? new boolean[] {false, false, true}
        : new boolean[] {false, false, true, false};
    int[] widths = columnWidths(positions, width);
    Set<Node> relevant = Collections.newSetFromMap(new IdentityHashMap<>());
    relevant.addAll(model.graph().nodes());
    List<List<String>> rows = new ArrayList<>();
    for (Layer layer : model.layers()) {
      List<String> row = new ArrayList<>();
      row.add(layer.name() + " (" + layer.getClass().getSimpleName() + ")");
      row.add(outputShape(layer));
      row.add(String.format(Locale.ROOT, "%,d", layer.countParams()));
      if (!chain) {
        row.add(connections(layer, relevant));
      }
      rows.add(row);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Model: \"").append(model.name()).append("\"\n");
    sb.append(border(widths, '┏', '┳', '┓', '━'));
    appendRow(sb, header, widths, right, '┃');
    sb.append(border(widths, '┡', '╇', '┩', '━'));
    for (int r = 0; r < rows.size(); r++) {
      appendRow(sb, rows.get(r), widths, right, '│');
      sb.append(r < rows.size() - 1 ? border(widths, '├', '┼', '┤', '─')
          : border(widths, '└', '┴', '┘', '─'));
    }
    long trainable = count(model.trainableWeights());
    long frozen = count(model.nonTrainableWeights());
    sb.append(" Total params: ").append(params(trainable + frozen)).append('\n');
    sb.append(" Trainable params: ").append(params(trainable)).append('\n');
    sb.append(" Non-trainable params: ").append(params(frozen)).append('\n');
    return sb.toString();
  }

  /** As Keras: a model is a chain when every depth has one node with one input and no sharing. */
  static boolean isSequentialLike(Model model) {
    if (model instanceof Sequential) {
      return true;
    }
    List<Node> nodes = model.graph().nodes();
    java.util.Map<Integer, Integer> perDepth = new java.util.HashMap<>();
    for (Node n : nodes) {
      perDepth.merge(model.graph().depth(n), 1, Integer::sum);
      if (n.inputs().size() > 1) {
        return false;
      }
    }
    for (int c : perDepth.values()) {
      if (c > 1) {
        return false;
      }
    }
    Set<Node> inModel = Collections.newSetFromMap(new IdentityHashMap<>());
    inModel.addAll(nodes);
    for (Layer l : model.layers()) {
      int used = 0;
      for (Node n : l.inboundNodes()) {
        used += inModel.contains(n) ? 1 : 0;
      }
      if (used > 1) {
        return false;
      }
    }
    return true;
  }

  /** The shapes of the layer's last call, as Keras shows them. */
  private static String outputShape(Layer layer) {
    if (layer.inboundNodes().isEmpty()) {
      return "?";
    }
    List<KerasTensor> outs = layer.inboundNodes().get(layer.inboundNodes().size() - 1).outputs();
    if (outs.size() == 1) {
      return outs.get(0).shape().toString();
    }
    List<String> shapes = new ArrayList<>();
    for (KerasTensor t : outs) {
      shapes.add(t.shape().toString());
    }
    return "[" + String.join(", ", shapes) + "]";
  }

  private static String connections(Layer layer, Set<Node> relevant) {
    List<String> parts = new ArrayList<>();
    for (Node node : layer.inboundNodes()) {
      if (!relevant.contains(node)) {
        continue;
      }
      for (KerasTensor in : node.inputs()) {
        var h = in.history();
        parts.add(h.operation().name() + "[" + h.operation().kerasNodeIndex(h.nodeIndex()) + "]["
            + h.tensorIndex() + "]");
      }
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  /** Text widths per column so the table, borders and padding included, spans the line. */
  private static int[] columnWidths(double[] positions, int lineLength) {
    int[] widths = new int[positions.length];
    int previous = 1; // the left border
    for (int i = 0; i < positions.length; i++) {
      int end = (int) Math.round(positions[i] * lineLength);
      widths[i] = Math.max(8, end - previous - 3);
      previous += widths[i] + 3;
    }
    return widths;
  }

  private static String border(int[] widths, char left, char mid, char right, char fill) {
    StringBuilder sb = new StringBuilder().append(left);
    for (int i = 0; i < widths.length; i++) {
      sb.append(String.valueOf(fill).repeat(widths[i] + 2)).append(i < widths.length - 1 ? mid
          : right);
    }
    return sb.append('\n').toString();
  }

  private static void appendRow(
      StringBuilder sb, List<String> cells, int[] widths, boolean[] right, char bar) {
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < cells.size(); i++) {
      List<String> w = wrap(cells.get(i), widths[i]);
      wrapped.add(w);
      lines = Math.max(lines, w.size());
    }
    for (int line = 0; line < lines; line++) {
      sb.append(bar);
      for (int i = 0; i < cells.size(); i++) {
        String text = line < wrapped.get(i).size() ? wrapped.get(i).get(line) : "";
        String pad = " ".repeat(widths[i] - text.length());
        sb.append(' ').append(right[i] ? pad + text : text + pad).append(' ').append(bar);
      }
      sb.append('\n');
    }
  }

  /** Wraps at spaces; a word longer than the column is cut with an ellipsis, as Rich does. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String word : text.split(" ")) {
      if (word.length() > width) {
        word = word.substring(0, width - 1) + "…";
      }
      if (cur.length() > 0 && cur.length() + 1 + word.length() > width) {
        lines.add(cur.toString());
        cur.setLength(0);
      }
      if (cur.length() > 0) {
        cur.append(' ');
      }
      cur.append(word);
    }
    lines.add(cur.toString());
    return lines;
  }

  private static long count(List<org.jkeras.backend.Variable> weights) {
    long n = 0;
    for (var v : weights) {
      n += v.size();
    }
    return n;
  }

  /** {@code 217 (868.00 B)}: the count and its float32 size in B, KB, MB or GB. */
  static String params(long count) {
    double bytes = count * 4.0;
    String[] units = {"B", "KB", "MB", "GB"};
    int u = 0;
    while (bytes >= 1024 && u < units.length - 1) {
      bytes /= 1024;
      u++;
    }
    // Python's format rounds exact halves to even (1.125 -> "1.12"); so does HALF_EVEN.
    String size = new java.math.BigDecimal(bytes).setScale(2, java.math.RoundingMode.HALF_EVEN)
        .toPlainString();
    return String.format(Locale.ROOT, "%,d (%s %s)", count, size, units[u]);
  }
}
