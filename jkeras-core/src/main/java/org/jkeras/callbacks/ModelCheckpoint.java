package org.jkeras.callbacks;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeras.backend.JKerasException;

/**
 * Saves the model (a {@code .keras} file) or its weights ({@code .weights.h5}) at the end of each
 * epoch, as Keras's ModelCheckpoint: the path may hold {@code {epoch:02d}} and
 * {@code {val_loss:.2f}}-style fields; with {@code saveBestOnly} only an improvement of the
 * monitored metric (default "val_loss", mode "auto") is saved.
 */
public class ModelCheckpoint extends Callback {
  private static final Pattern FIELD = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");

  private final String filepath;
  private String monitor = "val_loss";
  private boolean saveBestOnly;
  private boolean saveWeightsOnly;
  private String mode = "auto";
  private Double initialValueThreshold;
  private int verbose;
  private java.io.PrintStream out = System.out;
  private MonitorMode direction;
  private double best;

  public ModelCheckpoint(String filepath) {
    this.filepath = filepath;
  }

  public ModelCheckpoint monitor(String value) {
    monitor = value;
    return this;
  }

  public ModelCheckpoint saveBestOnly(boolean value) {
    saveBestOnly = value;
    return this;
  }

  public ModelCheckpoint saveWeightsOnly(boolean value) {
    saveWeightsOnly = value;
    return this;
  }

  public ModelCheckpoint mode(String value) {
    mode = value;
    return this;
  }

  public ModelCheckpoint initialValueThreshold(Double value) {
    initialValueThreshold = value;
    return this;
  }

  public ModelCheckpoint verbose(int value, java.io.PrintStream stream) {
    verbose = value;
    out = stream;
    return this;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    boolean weightsFile = filepath.endsWith(".weights.h5");
    if (saveWeightsOnly && !weightsFile) {
      throw new JKerasException("When using `save_weights_only=True` in `ModelCheckpoint`, the"
          + " filepath provided must end in `.weights.h5` (Keras weights format). Received:"
          + " filepath=" + filepath);
    }
    if (!saveWeightsOnly && !filepath.endsWith(".keras")) {
      throw new JKerasException("The filepath provided must end in `.keras` (Keras model"
          + " format). Received: filepath=" + filepath);
    }
    direction = MonitorMode.of(mode, monitor);
    best = initialValueThreshold != null ? initialValueThreshold : direction.worst();
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Path path = Path.of(format(filepath, epoch + 1, logs));
    if (saveBestOnly) {
      Double current = logs.get(monitor);
      if (current == null) {
        out.println("Can save best model only with " + monitor + " available, skipping.");
        return;
      }
      if (!direction.improves(current, best, 0)) {
        if (verbose > 0) {
          out.println("\nEpoch " + (epoch + 1) + ": " + monitor + " did not improve from "
              + CSVLogger.pythonRepr(best));
        }
        return;
      }
      if (verbose > 0) {
        out.println("\nEpoch " + (epoch + 1) + ": " + monitor + " improved from "
            + CSVLogger.pythonRepr(best) + " to " + CSVLogger.pythonRepr(current)
            + ", saving model to " + path);
      }
      best = current;
    } else if (verbose > 0) {
      out.println("\nEpoch " + (epoch + 1) + ": saving model to " + path);
    }
    if (saveWeightsOnly) {
      model().saveWeights(path);
    } else {
      model().save(path);
    }
  }

  /** Fills {@code {epoch}} (1-based) and {@code {metric:fmt}} fields as Python's str.format does. */
  static String format(String pattern, int epoch, Map<String, Double> logs) {
    Matcher m = FIELD.matcher(pattern);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String spec = m.group(2);
      String value;
      if (key.equals("epoch")) {
        value = spec == null ? Integer.toString(epoch)
            : String.format(Locale.ROOT, "%" + spec.replace("d", "d"), epoch);
      } else {
        Double v = logs.get(key);
        if (v == null) {
          throw new JKerasException("Failed to format the ModelCheckpoint filepath \"" + pattern
              + "\": the logs have no key '" + key + "'. Available: " + logs.keySet() + ".");
        }
        value = spec == null ? CSVLogger.pythonRepr(v) : String.format(Locale.ROOT, "%" + spec, v);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
