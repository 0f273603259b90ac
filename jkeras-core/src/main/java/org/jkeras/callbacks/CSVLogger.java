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

/**
 * Streams each epoch's logs to a CSV file as Keras's CSVLogger: "epoch", then the metrics in name
 * order, numbers as Python prints them, rows ended by CRLF as Python's csv module ends them.
 */
public class CSVLogger extends Callback {
  /** Python's csv module ends rows with CRLF on every platform; Keras's files do too. */
  private static final String LINE_END = "\r\n";
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
        writer.write("epoch" + separator + String.join(separator, keys) + LINE_END);
      } else if (keys.isEmpty()) {
        keys = new ArrayList<>(new TreeSet<>(logs.keySet()));
      }
      StringBuilder row = new StringBuilder(Integer.toString(epoch));
      for (String k : keys) {
        Double v = logs.get(k);
        row.append(separator).append(v == null ? "NA" : pythonRepr(v));
      }
      writer.write(row.append(LINE_END).toString());
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

  /**
   * Numbers as Python's {@code repr} prints floats: the shortest digits that round-trip (as
   * Java's), positional from 1e-4 up to 1e16 ({@code 0.0005}, {@code 15000000.0}), else
   * scientific with a two-digit exponent ({@code 1e-05}, {@code 1.5e+16}); {@code nan},
   * {@code inf}.
   */
  static String pythonRepr(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0.0" : "0.0";
    }
    // Shortest round-trip digits and the decimal exponent of the first digit.
    java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros();
    String digits = d.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - d.scale();
    String sign = v < 0 ? "-" : "";
    if (exp < -4 || exp >= 16) {
      String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
    String plain = d.abs().toPlainString();
    return sign + (plain.contains(".") ? plain : plain + ".0");
  }
}
