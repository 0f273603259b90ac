package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void theDemoConvergesAndIsReproducible() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    float[] losses = Main.train(200, new PrintStream(log, true));
    assertTrue(losses[1] < losses[0] / 10, () -> "loss went from " + losses[0] + " to " + losses[1]);
    assertTrue(log.toString().startsWith("step   0  mse "));
    float[] again = Main.train(200, new PrintStream(new ByteArrayOutputStream()));
    assertEquals(losses[1], again[1], "same seeds, same result");
  }
}
