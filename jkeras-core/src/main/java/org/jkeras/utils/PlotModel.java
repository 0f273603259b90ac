package org.jkeras.utils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jkeras.backend.JKerasException;
import org.jkeras.graph.KerasTensor;
import org.jkeras.graph.Node;
import org.jkeras.layers.Layer;
import org.jkeras.models.Model;

/**
 * Keras's {@code plot_model}: the model's graph as Graphviz DOT, one box per layer with its name,
 * type and output shape, one edge per connection. When the path ends in {@code .svg} or {@code
 * .png} and Graphviz's {@code dot} is on the PATH, the picture is rendered too.
 */
public final class PlotModel {
  private PlotModel() {}

  /** What {@link #plot} wrote: the DOT file, and the picture if one was rendered. */
  public record Result(Path dotFile, Path image, String message) {}

  public static Result plot(Model model, Path path) {
    String dot = toDot(model);
    String file = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    String format = file.endsWith(".svg") ? "svg" : file.endsWith(".png") ? "png" : null;
    Path dotPath = format == null ? path : path.resolveSibling(
        path.getFileName().toString().replaceAll("\\.[^.]+$", "") + ".dot");
    try {
      Files.writeString(dotPath, dot, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new JKerasException("plotModel could not write " + dotPath + ": " + e.getMessage(), e);
    }
    if (format == null) {
      return new Result(dotPath, null, "Wrote " + dotPath + " (Graphviz DOT).");
    }
    try {
      Process p = new ProcessBuilder("dot", "-T" + format, "-o", path.toString(),
          dotPath.toString()).redirectErrorStream(true).start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return new Result(dotPath, null, "Wrote DOT only to " + dotPath + ": Graphviz `dot`"
            + " failed to render " + path + ".");
      }
      return new Result(dotPath, path, "Wrote " + path + " and " + dotPath + ".");
    } catch (IOException e) {
      return new Result(dotPath, null, "Wrote DOT only to " + dotPath + ": Graphviz `dot` is not"
          + " on the PATH, so no " + format.toUpperCase(java.util.Locale.ROOT) + " was rendered"
          + " (install graphviz to get one).");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JKerasException("plotModel was interrupted while rendering " + path, e);
    }
  }

  /** The DOT text of the model's graph. */
  public static String toDot(Model model) {
    StringBuilder sb = new StringBuilder();
    sb.append("digraph \"").append(escape(model.name())).append("\" {\n");
    sb.append("  rankdir=TB;\n  node [shape=record, fontname=\"Helvetica\"];\n");
    Map<Layer, String> ids = new IdentityHashMap<>();
    List<Layer> layers = model.graph().operations().stream().map(o -> (Layer) o).toList();
    for (Layer l : layers) {
      String id = "layer" + ids.size();
      ids.put(l, id);
      sb.append("  ").append(id).append(" [label=\"{").append(escape(l.name())).append(" (")
          .append(l.getClass().getSimpleName()).append(")|").append(escape(shapes(l)))
          .append("}\"];\n");
    }
    List<String> edges = new ArrayList<>();
    for (Node node : model.graph().nodes()) {
      for (KerasTensor in : node.inputs()) {
        String edge = "  " + ids.get((Layer) in.history().operation()) + " -> "
            + ids.get((Layer) node.operation()) + ";\n";
        if (!edges.contains(edge)) {
          edges.add(edge);
        }
      }
    }
    edges.forEach(sb::append);
    return sb.append("}\n").toString();
  }

  private static String shapes(Layer l) {
    List<KerasTensor> outs = l.inboundNodes().get(l.inboundNodes().size() - 1).outputs();
    List<String> s = new ArrayList<>();
    for (KerasTensor t : outs) {
      s.add(t.shape().toString());
    }
    return String.join(", ", s);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("{", "\\{").replace("}", "\\}")
        .replace("|", "\\|").replace("<", "\\<").replace(">", "\\>");
  }
}
