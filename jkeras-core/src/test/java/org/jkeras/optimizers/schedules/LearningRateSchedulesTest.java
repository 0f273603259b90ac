package org.jkeras.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.junit.jupiter.api.Test;

/** Schedule values at several steps (hand-derived) and config round trips. */
class LearningRateSchedulesTest {
  private static void assertValues(LearningRateSchedule s, long[] steps, double[] expected) {
    for (int i = 0; i < steps.length; i++) {
      assertEquals(expected[i], s.value(steps[i]), 1e-12, "step " + steps[i]);
    }
  }

  private static void assertRoundTrip(LearningRateSchedule s) {
    Map<String, Object> serialized = Schedules.serialize(s);
    assertEquals("keras.optimizers.schedules", serialized.get("module"));
    assertEquals(s.className(), serialized.get("class_name"));
    LearningRateSchedule back = Schedules.deserialize(serialized);
    assertEquals(s.getClass(), back.getClass());
    assertEquals(s.getConfig(), back.getConfig());
    for (long step : new long[] {0, 1, 7, 50, 1000}) {
      assertEquals(s.value(step), back.value(step), 0);
    }
  }

  @Test
  void exponentialDecay() {
    ExponentialDecay smooth = new ExponentialDecay(0.1, 10, 0.5);
    assertValues(smooth, new long[] {0, 5, 10, 25},
        new double[] {0.1, 0.1 * Math.sqrt(0.5), 0.05, 0.1 * Math.pow(0.5, 2.5)});
    ExponentialDecay stairs = new ExponentialDecay(0.1, 10, 0.5, true, "ExponentialDecay");
    assertValues(stairs, new long[] {0, 9, 10, 25}, new double[] {0.1, 0.1, 0.05, 0.025});
    assertRoundTrip(stairs);
    assertEquals(Map.of("initial_learning_rate", 0.1, "decay_steps", 10, "decay_rate", 0.5,
        "staircase", true, "name", "ExponentialDecay"), stairs.getConfig());
  }

  @Test
  void inverseTimeDecay() {
    InverseTimeDecay smooth = new InverseTimeDecay(1.0, 4, 0.5);
    assertValues(smooth, new long[] {0, 2, 4, 12}, new double[] {1, 1 / 1.25, 1 / 1.5, 1 / 2.5});
    InverseTimeDecay stairs = new InverseTimeDecay(1.0, 4, 0.5, true, "InverseTimeDecay");
    assertValues(stairs, new long[] {3, 4, 9}, new double[] {1, 1 / 1.5, 1 / 2.0});
    assertRoundTrip(stairs);
  }

  @Test
  void piecewiseConstantDecayIncludesTheBoundaryInTheLowerPiece() {
    PiecewiseConstantDecay s =
        new PiecewiseConstantDecay(new long[] {100, 200}, new double[] {1.0, 0.5, 0.1});
    assertValues(s, new long[] {0, 100, 101, 200, 201, 10_000},
        new double[] {1.0, 1.0, 0.5, 0.5, 0.1, 0.1});
    assertRoundTrip(s);
    assertEquals(List.of(100L, 200L), s.getConfig().get("boundaries"));
    JKerasException e = assertThrows(JKerasException.class,
        () -> new PiecewiseConstantDecay(new long[] {1, 2}, new double[] {1, 2}));
    assertEquals("PiecewiseConstantDecay: the length of boundaries should be 1 less than the "
        + "length of values. Received: boundaries=[1, 2] of length 2, and values=[1.0, 2.0] of "
        + "length 2.", e.getMessage());
  }

  @Test
  void cosineDecayWithoutWarmup() {
    CosineDecay s = new CosineDecay(1.0, 100, 0.1, "CosineDecay", null, 0);
    // (1 - alpha) * 0.5 * (1 + cos(pi * t / T)) + alpha, clamped at T.
    assertValues(s, new long[] {0, 50, 100, 150},
        new double[] {1.0, 0.9 * 0.5 + 0.1, 0.1, 0.1});
    assertRoundTrip(s);
  }

  @Test
  void cosineDecayWithWarmup() {
    CosineDecay s = new CosineDecay(0.0, 100, 1.0, 10);
    assertValues(s, new long[] {0, 5, 10, 60, 110, 500},
        new double[] {0.0, 0.5, 1.0, 0.5, 0.0, 0.0});
    assertEquals(0.5 * (1 + Math.cos(Math.PI * 0.25)), s.value(35), 1e-12);
    assertRoundTrip(s);
    assertEquals(1.0, s.getConfig().get("warmup_target"));
    assertEquals(10, s.getConfig().get("warmup_steps"));
  }

  @Test
  void polynomialDecay() {
    PolynomialDecay linear = new PolynomialDecay(1.0, 10);
    assertValues(linear, new long[] {0, 5, 10, 20},
        new double[] {1.0, 0.5 * (1 - 0.0001) + 0.0001, 0.0001, 0.0001});
    PolynomialDecay cyclic = new PolynomialDecay(1.0, 10, 0.0, 2.0, true, "PolynomialDecay");
    // At step 15 the period is 20: (1 - 15/20)^2.
    assertValues(cyclic, new long[] {0, 5, 15}, new double[] {1.0, 0.25, 0.0625});
    assertRoundTrip(cyclic);
  }

  @Test
  void badArgumentsAndUnknownClasses() {
    JKerasException e = assertThrows(JKerasException.class,
        () -> new ExponentialDecay(0.1, 0, 0.5));
    assertEquals("ExponentialDecay: argument `decay_steps` must be > 0. Received: decay_steps=0",
        e.getMessage());
    JKerasException u = assertThrows(JKerasException.class,
        () -> Schedules.deserialize(Map.of("class_name", "Cyclic", "config", Map.of())));
    assertEquals("Unknown learning rate schedule: 'Cyclic'. Valid class names are "
        + "[ExponentialDecay, PiecewiseConstantDecay, PolynomialDecay, InverseTimeDecay, "
        + "CosineDecay].", u.getMessage());
  }
}
