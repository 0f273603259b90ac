package org.jkeras.regularizers;

import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.initializers.Identity;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.ReductionOps;

/**
 * Pushes the rows (or columns) of a 2D weight toward orthogonality, as Keras's
 * OrthogonalRegularizer: {@code factor * 0.5 * sum(|off-diagonal dot products of the
 * L2-normalized rows|) / (n (n - 1) / 2)}. Like L1, Keras keeps {@code factor} as float32, and
 * its config holds the float32 value.
 */
public record OrthogonalRegularizer(double factor, String mode) implements Regularizer {
  /** Keras's epsilon: norms below it divide by it instead. */
  private static final float EPSILON = 1e-7f;

  public OrthogonalRegularizer {
    Penalties.check(factor, "factor");
    if (!"rows".equals(mode) && !"columns".equals(mode)) {
      throw new JKerasException("Invalid value for argument `mode`. Expected one of"
          + " {\"rows\", \"columns\"}. Received: mode=" + mode);
    }
  }

  /** Keras's defaults: factor 0.01, rows. */
  public OrthogonalRegularizer() {
    this(0.01, "rows");
  }

  @Override
  public Tensor apply(Tensor x) {
    if (x.rank() != 2) {
      throw new JKerasException("Inputs to OrthogonalRegularizer must have rank 2. Received:"
          + " inputs.shape=" + x.shape());
    }
    boolean rows = mode.equals("rows");
    int axis = rows ? 1 : 0;
    Tensor norm = MathOps.sqrt(ReductionOps.sum(MathOps.square(x), axis, true));
    Tensor unit = MathOps.divide(x, MathOps.maximum(norm, EPSILON));
    Tensor product = rows ? LinalgOps.matmul(unit, unit, false, true)
        : LinalgOps.matmul(unit, unit, true, false);
    int size = x.shape().dim(rows ? 0 : 1);
    Tensor offDiagonal = MathOps.subtract(1f, new Identity().initialize(Shape.of(size, size)));
    double pairs = size * (size - 1.0) / 2.0;
    Tensor total = ReductionOps.sum(MathOps.abs(MathOps.multiply(product, offDiagonal)));
    return MathOps.multiply(total, (float) ((float) factor * 0.5 / pairs));
  }

  @Override
  public String className() {
    return "OrthogonalRegularizer";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("factor", (double) (float) factor);
    c.put("mode", mode);
    return c;
  }
}
