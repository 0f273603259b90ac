package org.jkeras.callbacks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Streams each epoch's logs to a CSV file (epoch, then the metrics in name order), as Keras's CSVLogger. */
public class CSVLogger extends Callback {
  private final Path path;
  private final String separator;
  private final boolean append;
  private BufferedWriter writer;
  private List<String> keys;

  public CSVLogger(Path path) {
    this(path, ",", false);
  }

  public CSVLogger(Path path, String separator, boolean append) {
    this.path = path;
    this.separator = separator;
    this.append = append;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    try {
      boolean hasHeader = append && Files.exists(path) && Files.size(path) > 0;
      writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
      keys = null;
      if (hasHeader) {
        keys = List.of();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("CSVLogger cannot open " + path, e);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    try {
      if (keys == null) {
        keys = new ArrayList<>(new TreeSet<>(logs.keySet()));
        writer.write("epoch" + separator + String.join(separator, keys));
        writer.newLine();
      } else if (keys.isEmpty()) {
        keys = new ArrayList<>(new TreeSet<>(logs.keySet()));
      }
      StringBuilder row = new StringBuilder(Integer.toString(epoch));
      for (String k : keys) {
        Double v = logs.get(k);
        row.append(separator).append(v == null ? "NA" : pythonRepr(v));
      }
      writer.write(row.toString());
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("CSVLogger cannot write " + path, e);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    try {
      if (writer != null) {
        writer.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("CSVLogger cannot close " + path, e);
    }
  }

  /** Numbers as Python prints floats: {@code 0.5}, {@code 1e-05}, {@code nan}. */
  static String pythonRepr(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String s = Double.toString(v);
    if (s.contains("E")) {
      String[] parts = s.split("E");
      int exp = Integer.parseInt(parts[1]);
      String mant = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2)
          : parts[0];
      return mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
    return s;
  }
}
