package org.jkeras.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private static final class FakeClock implements java.util.function.LongSupplier {
    long now;

    @Override
    public long getAsLong() {
      return now;
    }
  }

  @Test
  void aTerminalRedrawsOneLineInPlace() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    FakeClock clock = new FakeClock();
    ProgressBar bar = new ProgressBar(4, 1, new PrintStream(buf, true), true, clock);
    clock.now = 100_000_000L;
    bar.update(1, Map.of("loss", 0.7, "accuracy", 0.5), false);
    clock.now = 400_000_000L;
    bar.update(4, Map.of("loss", 0.69314, "accuracy", 0.75), true);
    String s = buf.toString();
    assertEquals("\r1/4 ━━━━━                0s 100ms/step - accuracy: 0.5000 - loss: 0.7000"
        + "\r4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 100ms/step - accuracy: 0.7500 - loss: 0.6931\n", s);
  }

  @Test
  void aNonTerminalGetsWholeLinesWithoutCarriageReturns() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    FakeClock clock = new FakeClock();
    ProgressBar bar = new ProgressBar(32, 1, new PrintStream(buf, true), false, clock);
    for (int i = 1; i <= 32; i++) {
      clock.now = i * 45_000_000L;
      bar.update(i, Map.of("loss", 0.5), i == 32);
    }
    String s = buf.toString();
    assertFalse(s.contains("\r"));
    assertEquals("32/32 ━━━━━━━━━━━━━━━━━━━━ 1s 45ms/step - loss: 0.5000\n",
        s.substring(s.lastIndexOf("32/32")));
    assertTrue(s.startsWith(" 1/32 ────────────────────"), s);
  }

  @Test
  void verboseTwoPrintsOneLinePerEpochAndZeroNothing() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    FakeClock clock = new FakeClock();
    ProgressBar bar = new ProgressBar(10, 2, new PrintStream(buf, true), true, clock);
    clock.now = 2_500_000_000L;
    bar.update(5, Map.of("loss", 1e-5), false);
    bar.update(10, Map.of("loss", 1e-5), true);
    assertEquals("10/10 - 2s - 250ms/step - loss: 1.0000e-05\n", buf.toString());
    ByteArrayOutputStream none = new ByteArrayOutputStream();
    new ProgressBar(3, 0, new PrintStream(none, true), true, clock).update(3, Map.of(), true);
    assertEquals("", none.toString());
  }
}
