package org.jkeras.layers.activations;

import org.jkeras.backend.JKerasException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.config.Config;
import org.jkeras.initializers.Constant;
import org.jkeras.initializers.Initializer;
import org.jkeras.initializers.Initializers;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.ShapePreservingLayer;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.NnOps;

/**
 * A leaky ReLU whose negative slope {@code alpha} is learned, one per input element (shape
 * {@code input_shape[1:]}), shared along {@code shared_axes} (1-based, batch excluded), as
 * Keras's PReLU: {@code relu(x) - alpha * relu(-x)}.
 */
public class PReLU extends ShapePreservingLayer {
  private Initializer alphaInitializer = Constant.zeros();
  private int[] sharedAxes;
  private Variable alpha;

  public PReLU alphaInitializer(Initializer init) {
    requireUnbuilt("alpha_initializer");
    this.alphaInitializer = init;
    return this;
  }

  /** Axes (1-based, as Keras) along which one alpha is shared, e.g. {@code 1, 2} for images. */
  public PReLU sharedAxes(int... axes) {
    requireUnbuilt("shared_axes");
    if (axes != null) {
      for (int a : axes) {
        if (a < 1) {
          throw new JKerasException("PReLU '" + name() + "': shared_axes must be axes of a sample"
              + " (1 or more; axis 0 is the batch), got " + java.util.Arrays.toString(axes)
              + ".");
        }
      }
    }
    this.sharedAxes = axes == null ? null : axes.clone();
    return this;
  }

  public Variable alpha() {
    return alpha;
  }

  @Override
  public PReLU name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    int[] param = java.util.Arrays.copyOfRange(in.dims(), 1, in.rank());
    if (sharedAxes != null) {
      for (int a : sharedAxes) {
        if (a >= in.rank()) {
          throw new JKerasException("PReLU '" + name() + "': shared_axes "
              + java.util.Arrays.toString(sharedAxes) + " has axis " + a + ", out of range for"
              + " input shape " + in + "; use axes in [1, " + (in.rank() - 1) + "].");
        }
        param[a - 1] = 1;
      }
    }
    Shape shape = Shape.of(param);
    alpha = addWeight("alpha", shape, alphaInitializer.initialize(shape), true);
    Map<Integer, Integer> axes = new HashMap<>();
    if (sharedAxes != null && sharedAxes.length > 0) {
      for (int i = 1; i < in.rank(); i++) {
        final int axis = i;
        if (java.util.Arrays.stream(sharedAxes).noneMatch(a -> a == axis)) {
          axes.put(i, in.dim(i));
        }
      }
    }
    setInputSpec(new InputSpec(in.rank(), null, axes));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    Tensor pos = NnOps.relu(x);
    Tensor neg = MathOps.multiply(MathOps.negative(alpha), NnOps.relu(MathOps.negative(x)));
    return List.of(MathOps.add(pos, neg));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("alpha_initializer", Initializers.serialize(alphaInitializer));
    c.put("alpha_regularizer", null);
    c.put("alpha_constraint", null);
    c.put("shared_axes", sharedAxes == null ? null : new ArrayList<>(Config.intList(sharedAxes)));
    return c;
  }

  /** A PReLU layer from its Keras config. */
  public static PReLU fromConfig(Config c) {
    PReLU layer = new PReLU();
    layer.applyBaseConfig(c);
    if (c.has("alpha_initializer")) {
      layer.alphaInitializer(Initializers.deserialize(c.raw("alpha_initializer")));
    }
    if (c.has("shared_axes")) {
      layer.sharedAxes(c.getInts("shared_axes", 1, null));
    }
    return layer;
  }
}
