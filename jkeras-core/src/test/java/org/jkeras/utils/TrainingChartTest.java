package org.jkeras.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jkeras.backend.JKerasException;
import org.jkeras.callbacks.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingChartTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private static History history(int epochs, boolean validation) {
    History h = new History();
    for (int e = 0; e < epochs; e++) {
      Map<String, Double> logs = new java.util.LinkedHashMap<>();
      logs.put("accuracy", 0.5 + 0.1 * e);
      logs.put("loss", 1.0 / (e + 1));
      if (validation) {
        logs.put("val_accuracy", 0.45 + 0.1 * e);
        logs.put("val_loss", 1.2 / (e + 1));
      }
      h.onEpochEnd(e, logs);
    }
    return h;
  }

  @Test
  void historyPlotWritesAPngWithOnePanelPerMetric(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("charts/curves.png");
    assertEquals(png, history(4, true).plot(png));
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 1000, "size " + bytes.length);
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(2 * TrainingChart.PANEL_WIDTH, image.getWidth(), "accuracy and loss side by side");
    assertEquals(TrainingChart.PANEL_HEIGHT, image.getHeight());
  }

  @Test
  void panelsWrapTwoToARowAndTrainingOnlyHistoriesWork() {
    History h = history(3, false);
    h.onEpochEnd(3, Map.of("accuracy", 0.9, "loss", 0.1, "auc", 0.95));
    BufferedImage image = TrainingChart.render(h);
    assertEquals(2 * TrainingChart.PANEL_WIDTH, image.getWidth());
    assertEquals(2 * TrainingChart.PANEL_HEIGHT, image.getHeight(), "three panels: two rows");
  }

  @Test
  void anEmptyHistoryIsAClearError(@TempDir Path dir) {
    JKerasException e = assertThrows(JKerasException.class,
        () -> new History().plot(dir.resolve("x.png")));
    assertEquals("TrainingChart: the history has no epochs to plot; plot it after fit has run at"
        + " least one epoch.", e.getMessage());
  }
}
