package org.jkeras.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.jkeras.backend.CellActivation;
import org.junit.jupiter.api.Test;

class GateMathTest {
  /** Inputs from -100 to 100, dense near zero, plus tiny magnitudes and the clamp edges. */
  private static float[] inputs() {
    int n = 40_000;
    float[] x = new float[n + 8];
    for (int i = 0; i < n; i++) {
      double u = (i - n / 2) / (double) (n / 2);
      x[i] = (float) (100 * u * u * u);
    }
    float[] extra = {1e-30f, -1e-20f, 3e-8f, -7e-5f, 87f, -87f, 88f, -88.5f};
    System.arraycopy(extra, 0, x, n, extra.length);
    return x;
  }

  /** The worst relative error of the in-place array loop (odd offset and length: a tail). */
  private static double maxRelativeError(CellActivation a, DoubleUnaryOperator ref,
      double floor) {
    float[] x = inputs();
    float[] y = new float[x.length + 1];
    System.arraycopy(x, 0, y, 1, x.length);
    GateMath.activate(a, y, 1, x.length);
    return worst(x, java.util.Arrays.copyOfRange(y, 1, y.length), ref, floor);
  }

  private static double worst(float[] x, float[] y, DoubleUnaryOperator ref, double floor) {
    double worst = 0;
    for (int i = 0; i < x.length; i++) {
      double e = ref.applyAsDouble(x[i]);
      worst = Math.max(worst, Math.abs(y[i] - e) / Math.max(Math.abs(e), floor));
    }
    return worst;
  }

  @Test
  void sigmoidIsAccurate() {
    double err = maxRelativeError(CellActivation.SIGMOID, v -> 1 / (1 + Math.exp(-v)), 1e-30);
    assertTrue(err < 1e-6, "sigmoid relative error " + err);
  }

  @Test
  void tanhIsAccurateIncludingNearZero() {
    double err = maxRelativeError(CellActivation.TANH, Math::tanh, 1e-38);
    assertTrue(err < 1e-6, "tanh relative error " + err);
  }

  @Test
  void piecewiseActivations() {
    assertTrue(maxRelativeError(CellActivation.RELU, v -> Math.max(0, v), 1e-30) == 0);
    assertTrue(maxRelativeError(CellActivation.LINEAR, v -> v, 1e-30) == 0);
    assertTrue(maxRelativeError(CellActivation.HARD_SIGMOID,
        v -> Math.min(1, Math.max(0, v / 6 + 0.5)), 1) < 1e-6);
  }

  @Test
  void derivativesFromOutputs() {
    float[] y = {-0.5f, 0f, 0.25f, 0.9f, 1f, 2f};
    float[] d = new float[y.length];
    for (CellActivation a : CellActivation.values()) {
      java.util.Arrays.fill(d, 2f);
      GateMath.scaleByDerivative(a, y, 0, d, 0, y.length);
      for (int i = 0; i < y.length; i++) {
        double v = y[i];
        double expected = switch (a) {
          case TANH -> 1 - v * v;
          case SIGMOID -> v * (1 - v);
          case RELU -> v > 0 ? 1 : 0;
          case LINEAR -> 1;
          case HARD_SIGMOID -> v > 0 && v < 1 ? 1.0 / 6 : 0;
        };
        assertEquals(2 * expected, d[i], 1e-6, a + " at output " + v);
      }
    }
  }

  @Test
  void activationNamesRoundTrip() {
    for (CellActivation a : CellActivation.values()) {
      assertEquals(a, CellActivation.fromKerasName(a.kerasName()));
    }
  }
}
