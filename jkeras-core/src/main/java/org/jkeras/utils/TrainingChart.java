package org.jkeras.utils;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jkeras.backend.JKerasException;
import org.jkeras.callbacks.History;

/**
 * Training curves as a PNG, the picture people draw from Keras's {@code history.history} with
 * matplotlib: one panel per metric (loss, accuracy, ...), each with the training values and, when
 * {@code fit} validated, the {@code val_} values, per epoch. Drawn with JFreeChart without a
 * display ({@code java.awt.headless} is set to true unless the caller chose otherwise).
 */
public final class TrainingChart {
  /** Size of one metric's panel, in pixels. */
  public static final int PANEL_WIDTH = 560;
  public static final int PANEL_HEIGHT = 380;

  private static final Color TRAINING = new Color(31, 119, 180);
  private static final Color VALIDATION = new Color(255, 127, 14);

  private TrainingChart() {}

  /** Writes {@code history}'s curves to {@code png} (parent folders are created); returns it. */
  public static Path write(History history, Path png) {
    BufferedImage image = render(history);
    try {
      Path parent = png.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!ImageIO.write(image, "png", png.toFile())) {
        throw new JKerasException("TrainingChart: no PNG writer is available in this JVM.");
      }
    } catch (IOException e) {
      throw new JKerasException("TrainingChart: cannot write " + png + ": " + e.getMessage(), e);
    }
    return png;
  }

  /** The curves as an image: panels two to a row, {@link #PANEL_WIDTH} by PANEL_HEIGHT each. */
  public static BufferedImage render(History history) {
    Map<String, List<String>> panels = panels(history);
    if (panels.isEmpty()) {
      throw new JKerasException("TrainingChart: the history has no epochs to plot; plot it after"
          + " fit has run at least one epoch.");
    }
    ensureHeadless();
    int columns = Math.min(2, panels.size());
    int rows = (panels.size() + columns - 1) / columns;
    BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      int i = 0;
      for (Map.Entry<String, List<String>> panel : panels.entrySet()) {
        JFreeChart chart = chart(history, panel.getKey(), panel.getValue());
        Rectangle2D area = new Rectangle2D.Double((i % columns) * PANEL_WIDTH,
            (i / columns) * PANEL_HEIGHT, PANEL_WIDTH, PANEL_HEIGHT);
        chart.draw(g, area);
        i++;
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Metric name (without {@code val_}) to the history keys drawn in its panel. */
  private static Map<String, List<String>> panels(History history) {
    Map<String, List<String>> panels = new LinkedHashMap<>();
    if (history.epochs().isEmpty()) {
      return panels;
    }
    for (String key : history.history().keySet()) {
      String base = key.startsWith("val_") ? key.substring(4) : key;
      panels.computeIfAbsent(base, k -> new ArrayList<>()).add(key);
    }
    return panels;
  }

  private static JFreeChart chart(History history, String metric, List<String> keys) {
    XYSeriesCollection data = new XYSeriesCollection();
    List<Integer> epochs = history.epochs();
    for (String key : keys) {
      XYSeries series = new XYSeries(key.startsWith("val_") ? "validation" : "training");
      List<Double> values = history.get(key);
      // A metric logged on fewer epochs (validationFreq > 1) is aligned with the last ones.
      int offset = epochs.size() - values.size();
      for (int j = 0; j < values.size(); j++) {
        Double v = values.get(j);
        if (v != null && Double.isFinite(v)) {
          series.add(epochs.get(Math.max(0, offset + j)) + 1, v);
        }
      }
      data.addSeries(series);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(metric, "epoch", metric, data,
        PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(220, 220, 220));
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    NumberAxis x = (NumberAxis) plot.getDomainAxis();
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int s = 0; s < data.getSeriesCount(); s++) {
      boolean validation = "validation".equals(data.getSeriesKey(s));
      renderer.setSeriesPaint(s, validation ? VALIDATION : TRAINING);
      renderer.setSeriesStroke(s, new BasicStroke(2f));
    }
    plot.setRenderer(renderer);
    return chart;
  }

  private static void ensureHeadless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
