package org.jkeras.ops;

import static org.jkeras.ops.Broadcasting.reduceTo;

import org.jkeras.backend.Backend;
import org.jkeras.backend.BinaryFunction;
import org.jkeras.backend.Comparison;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.MathKernels;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.UnaryFunction;

/**
 * Elementwise arithmetic and maths with gradients ({@code keras.ops} names). Binary ops broadcast
 * as numpy does; their gradients are summed back to each operand's shape. The {@code float}
 * overloads treat the number as a constant scalar.
 */
public final class MathOps {
  private MathOps() {}

  static MathKernels k() {
    return Backend.current().math();
  }

  /** Throws naming {@code op} unless every tensor is float32. */
  static void requireFloat(String op, Tensor... xs) {
    for (Tensor x : xs) {
      if (x.dtype() != DType.FLOAT32) {
        throw new JKerasException(op + ": expected float32 tensors but got " + x.dtype()
            + " with shape " + x.shape() + "; convert it with cast(x, DType.FLOAT32) first.");
      }
    }
  }

  /** A unary op with its fused gradient kernel; shared with {@link NnOps}. */
  static Tensor unary(String op, UnaryFunction fn, Tensor x, float alpha, float beta) {
    requireFloat(op, x);
    Tensor y = k().unary(fn, x, alpha, beta);
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record(op, y, new Tensor[] {x},
          g -> new Tensor[] {k().unaryBackward(fn, x, y, g, alpha, beta)});
    }
    return y;
  }

  static Tensor unary(String op, UnaryFunction fn, Tensor x) {
    return unary(op, fn, x, 0f, 0f);
  }

  private static Tensor binary(String op, BinaryFunction fn, Tensor a, Tensor b) {
    requireFloat(op, a, b);
    return k().binary(fn, a, b);
  }

  // ---- arithmetic --------------------------------------------------------------------------

  public static Tensor add(Tensor a, Tensor b) {
    Tensor y = binary("add", BinaryFunction.ADD, a, b);
    if (GradientTape.shouldRecord(a, b)) {
      GradientTape.record("add", y, new Tensor[] {a, b},
          g -> new Tensor[] {reduceTo(g, a.shape()), reduceTo(g, b.shape())});
    }
    return y;
  }

  public static Tensor add(Tensor a, float b) {
    return add(a, Tensor.scalar(b));
  }

  public static Tensor subtract(Tensor a, Tensor b) {
    Tensor y = binary("subtract", BinaryFunction.SUBTRACT, a, b);
    if (GradientTape.shouldRecord(a, b)) {
      GradientTape.record("subtract", y, new Tensor[] {a, b},
          g -> new Tensor[] {reduceTo(g, a.shape()), reduceTo(negative(g), b.shape())});
    }
    return y;
  }

  public static Tensor subtract(Tensor a, float b) {
    return subtract(a, Tensor.scalar(b));
  }

  public static Tensor subtract(float a, Tensor b) {
    return subtract(Tensor.scalar(a), b);
  }

  public static Tensor multiply(Tensor a, Tensor b) {
    Tensor y = binary("multiply", BinaryFunction.MULTIPLY, a, b);
    if (GradientTape.shouldRecord(a, b)) {
      GradientTape.record("multiply", y, new Tensor[] {a, b},
          g -> new Tensor[] {
            reduceTo(multiply(g, b), a.shape()), reduceTo(multiply(g, a), b.shape())
          });
    }
    return y;
  }

  public static Tensor multiply(Tensor a, float b) {
    return multiply(a, Tensor.scalar(b));
  }

  /** True division, {@code a / b}. */
  public static Tensor divide(Tensor a, Tensor b) {
    Tensor y = binary("divide", BinaryFunction.DIVIDE, a, b);
    if (GradientTape.shouldRecord(a, b)) {
      GradientTape.record("divide", y, new Tensor[] {a, b}, g -> {
        Tensor ga = divide(g, b);
        // d(a/b)/db = -a/b^2 = -y/b
        return new Tensor[] {reduceTo(ga, a.shape()), reduceTo(negative(multiply(ga, y)),
            b.shape())};
      });
    }
    return y;
  }

  public static Tensor divide(Tensor a, float b) {
    return divide(a, Tensor.scalar(b));
  }

  public static Tensor divide(float a, Tensor b) {
    return divide(Tensor.scalar(a), b);
  }

  /**
   * {@code a} to the power {@code b}. The gradient for {@code b} is {@code y * log(a)}, taken as 0
   * where {@code a == 0} (as JAX does) and NaN for negative {@code a}.
   */
  public static Tensor power(Tensor a, Tensor b) {
    Tensor y = binary("power", BinaryFunction.POWER, a, b);
    if (GradientTape.shouldRecord(a, b)) {
      GradientTape.record("power", y, new Tensor[] {a, b}, g -> {
        Tensor ga = multiply(g, multiply(b, power(a, subtract(b, 1f))));
        Tensor safeA = where(equal(a, 0f), Tensor.scalar(1f), a);
        Tensor gb = multiply(g, multiply(y, log(safeA)));
        return new Tensor[] {reduceTo(ga, a.shape()), reduceTo(gb, b.shape())};
      });
    }
    return y;
  }

  public static Tensor power(Tensor a, float b) {
    return power(a, Tensor.scalar(b));
  }

  /** The larger of {@code a} and {@code b}; at ties the gradient goes to {@code a}. */
  public static Tensor maximum(Tensor a, Tensor b) {
    Tensor y = binary("maximum", BinaryFunction.MAXIMUM, a, b);
    if (GradientTape.shouldRecord(a, b)) {
      GradientTape.record("maximum", y, new Tensor[] {a, b},
          g -> routeGradient(g, k().compare(Comparison.GREATER_EQUAL, a, b), a, b));
    }
    return y;
  }

  public static Tensor maximum(Tensor a, float b) {
    return maximum(a, Tensor.scalar(b));
  }

  /** The smaller of {@code a} and {@code b}; at ties the gradient goes to {@code a}. */
  public static Tensor minimum(Tensor a, Tensor b) {
    Tensor y = binary("minimum", BinaryFunction.MINIMUM, a, b);
    if (GradientTape.shouldRecord(a, b)) {
      GradientTape.record("minimum", y, new Tensor[] {a, b},
          g -> routeGradient(g, k().compare(Comparison.LESS_EQUAL, a, b), a, b));
    }
    return y;
  }

  public static Tensor minimum(Tensor a, float b) {
    return minimum(a, Tensor.scalar(b));
  }

  /** Sends {@code g} to {@code a} where {@code toA} holds and to {@code b} elsewhere. */
  private static Tensor[] routeGradient(Tensor g, Tensor toA, Tensor a, Tensor b) {
    Tensor zero = Tensor.scalar(0f);
    return new Tensor[] {
      reduceTo(k().where(toA, g, zero), a.shape()), reduceTo(k().where(toA, zero, g), b.shape())
    };
  }

  // ---- unary maths -------------------------------------------------------------------------

  public static Tensor negative(Tensor x) {
    return unary("negative", UnaryFunction.NEGATIVE, x);
  }

  public static Tensor square(Tensor x) {
    return unary("square", UnaryFunction.SQUARE, x);
  }

  public static Tensor sqrt(Tensor x) {
    return unary("sqrt", UnaryFunction.SQRT, x);
  }

  public static Tensor exp(Tensor x) {
    return unary("exp", UnaryFunction.EXP, x);
  }

  /** The natural logarithm. */
  public static Tensor log(Tensor x) {
    return unary("log", UnaryFunction.LOG, x);
  }

  /** {@code |x|}; the gradient is {@code sign(x)} (0 at 0). */
  public static Tensor abs(Tensor x) {
    return unary("abs", UnaryFunction.ABS, x);
  }

  /** -1, 0 or 1 by the sign of x (NaN stays NaN); its gradient is zero. */
  public static Tensor sign(Tensor x) {
    return unary("sign", UnaryFunction.SIGN, x);
  }

  public static Tensor tanh(Tensor x) {
    return unary("tanh", UnaryFunction.TANH, x);
  }

  /** The logistic sigmoid; the same op as {@link NnOps#sigmoid}. */
  public static Tensor sigmoid(Tensor x) {
    return NnOps.sigmoid(x);
  }

  /** {@code x} limited to {@code [min, max]}; the gradient is 1 inside the range, 0 outside. */
  public static Tensor clip(Tensor x, float min, float max) {
    if (!(min <= max)) {
      throw new JKerasException(
          "clip: x_min (" + min + ") must not be greater than x_max (" + max + ").");
    }
    return unary("clip", UnaryFunction.CLIP, x, min, max);
  }

  // ---- selection and conversion ------------------------------------------------------------

  /**
   * {@code condition ? x : y} elementwise, the three broadcast together. {@code condition} is a
   * bool tensor (another dtype counts nonzero as true); the gradient flows to {@code x} where it
   * holds and to {@code y} elsewhere.
   */
  public static Tensor where(Tensor condition, Tensor x, Tensor y) {
    requireFloat("where", x, y);
    Tensor out = k().where(condition, x, y);
    if (GradientTape.shouldRecord(x, y)) {
      GradientTape.record("where", out, new Tensor[] {condition, x, y}, g -> {
        Tensor zero = Tensor.scalar(0f);
        return new Tensor[] {
          null,
          reduceTo(k().where(condition, g, zero), x.shape()),
          reduceTo(k().where(condition, zero, g), y.shape())
        };
      });
    }
    return out;
  }

  /**
   * {@code x} converted to {@code dtype}: floats truncate toward zero when cast to integers and
   * become true where nonzero when cast to bool. Casting to the same dtype returns {@code x}
   * itself, so gradients pass through; integer results carry no gradient.
   */
  public static Tensor cast(Tensor x, DType dtype) {
    if (x.dtype() == dtype) {
      return x;
    }
    return k().cast(x, dtype);
  }

  private static Tensor equal(Tensor a, float b) {
    return k().compare(Comparison.EQUAL, a, Tensor.scalar(b));
  }
}
