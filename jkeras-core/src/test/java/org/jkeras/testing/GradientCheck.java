package org.jkeras.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.GradientTape;

/**
 * Checks an op's gradient against central finite differences.
 *
 * <p>The scalar checked is {@code L = sum(w * f(inputs))} with fixed random weights {@code w}, so
 * every element of the Jacobian takes part. The numeric side sums L in double precision, so
 * float32 rounding in the op itself is the only noise.
 */
public final class GradientCheck {
  private final double epsilon;
  private final double tolerance;

  private GradientCheck(double epsilon, double tolerance) {
    this.epsilon = epsilon;
    this.tolerance = tolerance;
  }

  /** Epsilon 1e-3, tolerance 1e-2 relative to {@code 1 + |numeric|}. */
  public static GradientCheck standard() {
    return new GradientCheck(1e-3, 1e-2);
  }

  public static GradientCheck with(double epsilon, double tolerance) {
    return new GradientCheck(epsilon, tolerance);
  }

  /** Checks the gradient of {@code f} with respect to every float32 input. */
  public void check(Function<List<Tensor>, Tensor> f, Tensor... inputs) {
    List<Tensor> xs = List.of(inputs);
    Tensor y0 = f.apply(xs);
    Tensor w = Tensor.randomUniform(y0.shape(), -1f, 1f, 1234);
    List<Tensor> analytic;
    try (GradientTape tape = new GradientTape()) {
      tape.watch(inputs);
      Tensor y = f.apply(xs);
      analytic = tape.gradient(y, xs, w);
    }
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i].dtype() != DType.FLOAT32) {
        continue;
      }
      if (!analytic.get(i).shape().equals(inputs[i].shape())) {
        fail("gradient " + i + " has shape " + analytic.get(i).shape() + ", input has "
            + inputs[i].shape());
      }
      float[] ga = analytic.get(i).toFloatArray();
      float[] base = inputs[i].toFloatArray();
      Shape shape = inputs[i].shape();
      for (int j = 0; j < base.length; j++) {
        float plus = (float) (base[j] + epsilon);
        float minus = (float) (base[j] - epsilon);
        double numeric = (loss(f, xs, i, base, shape, j, plus, w)
            - loss(f, xs, i, base, shape, j, minus, w)) / ((double) plus - minus);
        double err = Math.abs(ga[j] - numeric);
        if (err > tolerance * (1 + Math.abs(numeric))) {
          fail(String.format(
              "gradient mismatch for input %d element %d: analytic %.6g, numeric %.6g (error %.3g)",
              i, j, ga[j], numeric, err));
        }
      }
    }
  }

  private static double loss(
      Function<List<Tensor>, Tensor> f, List<Tensor> xs, int which, float[] base, Shape shape,
      int element, float value, Tensor w) {
    float[] moved = base.clone();
    moved[element] = value;
    List<Tensor> args = new ArrayList<>(xs);
    args.set(which, Tensor.wrap(moved, shape));
    float[] y = f.apply(args).toFloatArray();
    float[] wv = w.floatData();
    double sum = 0;
    for (int k = 0; k < y.length; k++) {
      sum += (double) wv[k] * y[k];
    }
    return sum;
  }
}
