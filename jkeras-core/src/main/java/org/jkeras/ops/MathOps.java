package org.jkeras.ops;

import static org.jkeras.ops.Broadcasting.reduceTo;

import org.jkeras.backend.Backend;
import org.jkeras.backend.BinaryFunction;
import org.jkeras.backend.MathKernels;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.UnaryFunction;

/** Elementwise arithmetic, maths and activations, with gradients ({@code keras.ops} names). */
public final class MathOps {
  private MathOps() {}

  private static MathKernels k() {
    return Backend.current().math();
  }

  public static Tensor add(Tensor a, Tensor b) {
    Tensor y = k().binary(BinaryFunction.ADD, a, b);
    if (GradientTape.shouldRecord(a, b)) {
      GradientTape.record("add", y, new Tensor[] {a, b},
          g -> new Tensor[] {reduceTo(g, a.shape()), reduceTo(g, b.shape())});
    }
    return y;
  }

  public static Tensor subtract(Tensor a, Tensor b) {
    Tensor y = k().binary(BinaryFunction.SUBTRACT, a, b);
    if (GradientTape.shouldRecord(a, b)) {
      GradientTape.record("subtract", y, new Tensor[] {a, b},
          g -> new Tensor[] {reduceTo(g, a.shape()), reduceTo(negative(g), b.shape())});
    }
    return y;
  }

  public static Tensor multiply(Tensor a, Tensor b) {
    Tensor y = k().binary(BinaryFunction.MULTIPLY, a, b);
    if (GradientTape.shouldRecord(a, b)) {
      GradientTape.record("multiply", y, new Tensor[] {a, b},
          g -> new Tensor[] {
            reduceTo(multiply(g, b), a.shape()), reduceTo(multiply(g, a), b.shape())
          });
    }
    return y;
  }

  public static Tensor negative(Tensor x) {
    Tensor y = k().unary(UnaryFunction.NEGATIVE, x);
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record("negative", y, new Tensor[] {x}, g -> new Tensor[] {negative(g)});
    }
    return y;
  }

  public static Tensor sigmoid(Tensor x) {
    Tensor y = k().unary(UnaryFunction.SIGMOID, x);
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record("sigmoid", y, new Tensor[] {x},
          g -> new Tensor[] {multiply(g, multiply(y, subtract(Tensor.scalar(1f), y)))});
    }
    return y;
  }
}
