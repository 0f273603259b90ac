package org.jkeras.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * The reference files produced by Python Keras 3 ({@code shared/keras-fixtures} beside the
 * repository): weights, inputs, predictions and summaries, read as tensors and text.
 */
public final class KerasFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KerasFixtures() {}

  /** The fixtures folder, found by walking up from the working directory. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/keras-fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("The Keras fixtures (shared/keras-fixtures) were not found"
        + " above " + dir + "; the tests need the shared folder beside the repository.");
  }

  public static JsonNode json(String caseName, String file) {
    try {
      return JSON.readTree(root().resolve(caseName).resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String caseName, String file) {
    try {
      return Files.readString(root().resolve(caseName).resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tensor from a JSON entry with {@code shape} and flat {@code values}. */
  public static Tensor tensor(JsonNode entry) {
    int[] shape = new int[entry.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = entry.get("shape").get(i).asInt();
    }
    JsonNode values = entry.get("values");
    String dtype = entry.has("dtype") ? entry.get("dtype").asText() : "float32";
    if (dtype.startsWith("int")) {
      int[] v = new int[values.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = values.get(i).asInt();
      }
      return Tensor.wrapInts(v, Shape.of(shape));
    }
    float[] v = new float[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) values.get(i).asDouble();
    }
    return Tensor.wrap(v, Shape.of(shape));
  }

  /** Every weight of {@code weights_initial.json}, in Keras's {@code model.weights} order. */
  public static List<Tensor> initialWeights(String caseName) {
    JsonNode root = json(caseName, "weights_initial.json");
    JsonNode list = root.isArray() ? root : root.get("weights");
    List<Tensor> out = new ArrayList<>();
    for (JsonNode w : list) {
      out.add(tensor(w));
    }
    return out;
  }

  /** The model inputs of {@code inputs.json}, in order. */
  public static List<Tensor> inputs(String caseName) {
    List<Tensor> out = new ArrayList<>();
    for (JsonNode in : json(caseName, "inputs.json").get("inputs")) {
      out.add(tensor(in));
    }
    return out;
  }

  /** The expected predictions of {@code predict.json}, one per output. */
  public static List<Tensor> predictions(String caseName) {
    List<Tensor> out = new ArrayList<>();
    for (JsonNode o : json(caseName, "predict.json").get("outputs")) {
      out.add(tensor(o));
    }
    return out;
  }

  /**
   * The rows of a summary table as cells joined across wrapped lines: each row is
   * [name (Type), output shape, params, connected to...].
   */
  public static List<List<String>> summaryRows(String summary) {
    List<List<String>> rows = new ArrayList<>();
    List<StringBuilder> current = null;
    for (String line : summary.split("\n")) {
      if (line.startsWith("│")) {
        String[] cells = line.substring(1, line.lastIndexOf('│')).split("│", -1);
        if (current == null) {
          current = new ArrayList<>();
          for (String c : cells) {
            current.add(new StringBuilder(c.strip()));
          }
        } else {
          for (int i = 0; i < cells.length; i++) {
            String c = cells[i].strip();
            if (!c.isEmpty()) {
              current.get(i).append(current.get(i).isEmpty() ? "" : " ").append(c);
            }
          }
        }
      } else if (current != null) {
        rows.add(current.stream().map(StringBuilder::toString).toList());
        current = null;
      }
    }
    return rows;
  }

  /** The "Total params" and following lines. */
  public static List<String> summaryTotals(String summary) {
    return summary.lines().filter(l -> l.contains("params:")).map(String::strip).toList();
  }
}
