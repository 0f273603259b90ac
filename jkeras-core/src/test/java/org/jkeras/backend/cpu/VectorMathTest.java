package org.jkeras.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.DoubleUnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class VectorMathTest {
  /** Sweeps [-range, range] plus special values through an array kernel of odd length. */
  private interface ArrayFn {
    void apply(float[] in, int inOff, float[] out, int outOff, int n);
  }

  private static float[] sweep(double range, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (-range + 2 * range * i / (n - 1));
    }
    return x;
  }

  private static void checkRelative(ArrayFn f, DoubleUnaryOperator ref, float[] x, double tol,
      double tiny) {
    float[] out = new float[x.length + 5];
    f.apply(x, 0, out, 3, x.length);
    for (int i = 0; i < x.length; i++) {
      double e = ref.applyAsDouble(x[i]);
      double a = out[i + 3];
      if (Math.abs(e) <= tiny) {
        if (Math.abs(a) > 2 * tiny) {
          fail("x=" + x[i] + ": expected about " + e + " but got " + a);
        }
        continue;
      }
      double rel = Math.abs(a - e) / Math.abs(e);
      if (!(rel <= tol)) {
        fail("x=" + x[i] + ": expected " + e + " but got " + a + " (relative error " + rel + ")");
      }
    }
  }

  @Test
  void expIsAccurateOverTheWholeFloatRange() {
    checkRelative(VectorMath::exp, Math::exp, sweep(87, 100_003), 3e-7, 1.2e-38);
    checkRelative(VectorMath::exp, Math::exp, sweep(1e-3, 1001), 3e-7, 0);
  }

  @Test
  void sigmoidIsAccurateIncludingLargeMagnitudes() {
    DoubleUnaryOperator ref = v -> 1 / (1 + Math.exp(-v));
    checkRelative(VectorMath::sigmoid, ref, sweep(100, 100_003), 3e-7, 1.2e-38);
    checkRelative(VectorMath::sigmoid, ref, sweep(1e-4, 1001), 3e-7, 0);
  }

  @Test
  void tanhIsAccurateNearZeroAndFarOut() {
    checkRelative(VectorMath::tanh, Math::tanh, sweep(50, 100_003), 3e-7, 0);
    checkRelative(VectorMath::tanh, Math::tanh, sweep(1e-5, 1001), 3e-7, 0);
    checkRelative(VectorMath::tanh, Math::tanh, sweep(1, 10_001), 3e-7, 0);
  }

  @Test
  void specialValuesFollowJavaMath() {
    float[] x = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, 89f, -110f,
        20f, -20f};
    float[] e = new float[x.length];
    float[] s = new float[x.length];
    float[] t = new float[x.length];
    VectorMath.exp(x, 0, e, 0, x.length);
    VectorMath.sigmoid(x, 0, s, 0, x.length);
    VectorMath.tanh(x, 0, t, 0, x.length);
    assertTrue(Float.isNaN(e[0]) && Float.isNaN(s[0]) && Float.isNaN(t[0]));
    assertEquals(Float.POSITIVE_INFINITY, e[1]);
    assertEquals(0f, e[2]);
    assertEquals(1f, e[3]);
    assertEquals(Float.POSITIVE_INFINITY, e[4]);
    assertEquals(0f, e[5]);
    assertEquals(1f, s[1]);
    assertEquals(0f, s[2]);
    assertEquals(0.5f, s[3]);
    assertEquals(1f, t[1]);
    assertEquals(-1f, t[2]);
    assertEquals(0f, t[3]);
    assertEquals(1f, t[6]);
    assertEquals(-1f, t[7]);
  }

  @Test
  void expm1AndErfcMatchReferences() {
    float[] x = sweep(6, 2003);
    float[] out = new float[x.length];
    int l = VectorMath.S.length();
    for (int i = 0; i + l <= x.length; i += l) {
      VectorMath.expm1(FloatVector.fromArray(VectorMath.S, x, i)).intoArray(out, i);
    }
    for (int i = 0; i + l <= x.length; i += l) {
      assertEquals(Math.expm1(x[i]), out[i], 3e-7 * Math.abs(Math.expm1(x[i])) + 1e-30);
    }
    for (int i = 0; i + l <= x.length; i += l) {
      VectorMath.erfc(FloatVector.fromArray(VectorMath.S, x, i)).intoArray(out, i);
    }
    // erfc(1) = 0.157299207050285, erfc(-2) = 1.995322265018953
    float[] probe = new float[l];
    probe[0] = 1f;
    probe[1] = -2f;
    probe[2] = 3f;
    VectorMath.erfc(FloatVector.fromArray(VectorMath.S, probe, 0)).intoArray(probe, 0);
    assertEquals(0.157299207050285, probe[0], 1e-7);
    assertEquals(1.995322265018953, probe[1], 1e-6);
    assertEquals(2.209049699858544e-05, probe[2], 2e-11);
  }
}
