package org.jkeras.utils;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keras 3's progress bar. On a terminal (verbose 1) one line redraws in place with {@code \r}:
 * {@code 12/32 ━━━━━━━━━━━━━━━━━━━━ 1s 45ms/step - accuracy: 0.5000 - loss: 0.6931}. Anywhere
 * else (a log file, a pipe) it writes whole lines and no escape codes: the finished line, plus one
 * every {@value #LINE_INTERVAL_SECONDS} seconds on long epochs. Verbose 2 writes one line per
 * epoch; verbose 0 nothing.
 */
public final class ProgressBar {
  private static final int WIDTH = 20;
  private static final double LINE_INTERVAL_SECONDS = 30;
  private static final double REDRAW_INTERVAL_SECONDS = 0.05;

  private final int target;
  private final int verbose;
  private final PrintStream out;
  private final boolean terminal;
  private final LongSupplier nanoClock;
  private final long start;
  private long lastDraw;
  private int previousWidth;

  public ProgressBar(int target, int verbose, PrintStream out, boolean terminal,
      LongSupplier nanoClock) {
    this.target = target;
    this.verbose = verbose;
    this.out = out;
    this.terminal = terminal;
    this.nanoClock = nanoClock;
    this.start = nanoClock.getAsLong();
    this.lastDraw = Long.MIN_VALUE / 2;
  }

  /** A bar on standard output that detects whether it is a terminal. */
  public static ProgressBar toStdout(int target, int verbose) {
    java.io.Console console = System.console();
    return new ProgressBar(target, verbose, System.out, console != null && console.isTerminal(),
        System::nanoTime);
  }

  /** Shows progress after {@code current} steps; {@code finalize} ends the line. */
  public void update(int current, Map<String, Double> logs, boolean finalize) {
    if (verbose <= 0) {
      return;
    }
    long now = nanoClock.getAsLong();
    double elapsed = (now - start) / 1e9;
    double perStep = current > 0 ? elapsed / current : 0;
    if (verbose == 2) {
      if (finalize) {
        out.print(counter(current) + " - " + seconds(elapsed) + " -" + stepTime(perStep)
            + metrics(logs) + "\n");
        out.flush();
      }
      return;
    }
    double sinceDraw = (now - lastDraw) / 1e9;
    if (!finalize && sinceDraw < (terminal ? REDRAW_INTERVAL_SECONDS : LINE_INTERVAL_SECONDS)) {
      return;
    }
    lastDraw = now;
    String time = finalize ? seconds(elapsed) : eta(perStep * (target - current));
    String text = counter(current) + " " + bar(current) + " " + time + stepTime(perStep)
        + metrics(logs);
    if (terminal) {
      int visible = text.length();
      String pad = previousWidth > visible ? " ".repeat(previousWidth - visible) : "";
      previousWidth = visible;
      out.print("\r" + text + pad + (finalize ? "\n" : ""));
    } else {
      out.print(text + "\n");
    }
    out.flush();
  }

  private String counter(int current) {
    int digits = Integer.toString(target).length();
    return String.format(Locale.ROOT, "%" + digits + "d/%d", current, target);
  }

  private String bar(int current) {
    int done = target > 0 ? (int) ((long) WIDTH * current / target) : WIDTH;
    return "━".repeat(done) + (terminal ? " " : "─").repeat(WIDTH - done);
  }

  /** Whole seconds, halves rounded to even as Python's format does. */
  private static String seconds(double s) {
    return (long) Math.rint(s) + "s";
  }

  private static String eta(double s) {
    if (s > 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", (long) s / 3600, ((long) s % 3600) / 60,
          (long) s % 60);
    }
    if (s > 60) {
      return String.format(Locale.ROOT, "%d:%02d", (long) s / 60, (long) s % 60);
    }
    return String.format(Locale.ROOT, "%ds", (long) s);
  }

  /** Keras's per-step time: {@code 2s/step}, {@code 45ms/step} or {@code 120us/step}. */
  static String stepTime(double seconds) {
    if (seconds >= 1 || seconds == 0) {
      return " " + (long) Math.rint(seconds) + "s/step";
    }
    if (seconds >= 1e-3) {
      return " " + (long) Math.rint(seconds * 1e3) + "ms/step";
    }
    return " " + (long) Math.rint(seconds * 1e6) + "us/step";
  }

  /** {@code - name: value} per metric, in name order, 4 decimals (scientific when tiny). */
  static String metrics(Map<String, Double> logs) {
    StringBuilder sb = new StringBuilder();
    for (String k : new java.util.TreeSet<>(logs.keySet())) {
      double v = logs.get(k);
      sb.append(" - ").append(k).append(": ");
      sb.append(Math.abs(v) > 1e-3 || v == 0 || Double.isNaN(v)
          ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.4e", v));
    }
    return sb.toString();
  }
}
