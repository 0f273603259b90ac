package org.jkeras.layers.reshaping;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ArrayOps;

/** Repeats a {@code (batch, features)} input {@code n} times: {@code (batch, n, features)}. */
public class RepeatVector extends Layer {
  private final int n;

  public RepeatVector(int n) {
    if (n <= 0) {
      throw new JKerasException("Expected an integer value for `n`, greater than 0."
          + " Received: n=" + n);
    }
    this.n = n;
    setInputSpec(InputSpec.ndim(2));
  }

  public int n() {
    return n;
  }

  @Override
  public RepeatVector name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    return List.of(Shape.of(in.dim(0), n, in.dim(1)));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    return List.of(ArrayOps.broadcastTo(ArrayOps.expandDims(x, 1),
        Shape.of(x.shape().dim(0), n, x.shape().dim(1))));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("n", n);
    return c;
  }

  /** A RepeatVector layer from its Keras config. */
  public static RepeatVector fromConfig(Config c) {
    RepeatVector layer = new RepeatVector(c.requireInt("n"));
    layer.applyBaseConfig(c);
    return layer;
  }
}
