package org.jkeras.layers.normalization;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.config.Config;
import org.jkeras.initializers.Initializer;
import org.jkeras.initializers.Initializers;
import org.jkeras.initializers.Ones;
import org.jkeras.initializers.Zeros;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.ReductionOps;

/**
 * Keras's LayerNormalization: each sample is normalized with its own mean and population
 * variance over {@code axis} (one axis or several; default the last), then scaled by {@code
 * gamma} and shifted by {@code beta}, whose shape is the input's sizes on those axes. With {@code
 * rms_scaling} only the variance and {@code gamma} are used. Same in training and inference.
 *
 * <p>As in Keras, the config's {@code axis} is the int given until the layer is built and a list
 * afterwards.
 */
public class LayerNormalization extends Layer {
  private int[] axes = {-1};
  private boolean axisIsList;
  private double epsilon = 1e-3;
  private boolean center = true;
  private boolean scale = true;
  private boolean rmsScaling;
  private Initializer betaInitializer = new Zeros();
  private Initializer gammaInitializer = new Ones();
  private Variable gamma;
  private Variable beta;
  private int[] broadcastShape;

  public LayerNormalization() {}

  /** One axis to normalize over (Keras's {@code axis=-1}). */
  public LayerNormalization axis(int value) {
    requireUnbuilt("axis");
    axes = new int[] {value};
    axisIsList = false;
    return this;
  }

  /** Several axes to normalize over together (Keras's {@code axis=[1, 2, 3]}). */
  public LayerNormalization axes(int... values) {
    requireUnbuilt("axis");
    if (values.length == 0) {
      throw new JKerasException("LayerNormalization needs at least one axis.");
    }
    axes = values.clone();
    axisIsList = true;
    return this;
  }

  public LayerNormalization epsilon(double value) {
    requireUnbuilt("epsilon");
    epsilon = value;
    return this;
  }

  public LayerNormalization center(boolean value) {
    requireUnbuilt("center");
    center = value;
    return this;
  }

  public LayerNormalization scale(boolean value) {
    requireUnbuilt("scale");
    scale = value;
    return this;
  }

  /** Scale by the root mean square only (no mean, no {@code beta}). */
  public LayerNormalization rmsScaling(boolean value) {
    requireUnbuilt("rms_scaling");
    rmsScaling = value;
    return this;
  }

  public LayerNormalization betaInitializer(Initializer init) {
    requireUnbuilt("beta_initializer");
    betaInitializer = init;
    return this;
  }

  public LayerNormalization gammaInitializer(Initializer init) {
    requireUnbuilt("gamma_initializer");
    gammaInitializer = init;
    return this;
  }

  @Override
  public LayerNormalization name(String newName) {
    super.name(newName);
    return this;
  }

  public Variable gamma() {
    return gamma;
  }

  public Variable beta() {
    return beta;
  }

  @Override
  protected boolean supportsMasking() {
    return true;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    int[] dims = new int[axes.length];
    broadcastShape = new int[in.rank()];
    Arrays.fill(broadcastShape, 1);
    for (int i = 0; i < axes.length; i++) {
      int a = Normalization.resolveAxis(name(), axes[i], in);
      dims[i] = in.dim(a);
      broadcastShape[a] = dims[i];
    }
    Shape shape = Shape.of(dims);
    if (scale || rmsScaling) {
      gamma = addWeight("gamma", shape, gammaInitializer.initialize(shape), true);
    }
    if (center && !rmsScaling) {
      beta = addWeight("beta", shape, betaInitializer.initialize(shape), true);
    }
    axisIsList = true;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    for (int a : axes) {
      if (a >= in.rank() || a < -in.rank()) {
        throw new JKerasException("Axis " + a + " is out of bounds for input shape " + in
            + ". Ensure axis is within the range of input dimensions.");
      }
    }
    return List.of(in);
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    Tensor g = gamma == null ? null : ArrayOps.reshape(gamma, broadcastShape);
    if (rmsScaling) {
      Tensor variance = ReductionOps.var(x, axes, true);
      Tensor inv = MathOps.divide(1f, MathOps.sqrt(MathOps.add(variance, (float) epsilon)));
      return List.of(MathOps.multiply(MathOps.multiply(x, inv), g));
    }
    Tensor mean = ReductionOps.mean(x, axes, true);
    Tensor variance = ReductionOps.var(x, axes, true);
    Tensor b = beta == null ? null : ArrayOps.reshape(beta, broadcastShape);
    return List.of(Normalization.normalize(x, mean, variance, g, b, epsilon));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axisIsList ? Config.intList(axes) : axes[0]);
    c.put("epsilon", epsilon);
    c.put("center", center);
    c.put("scale", scale);
    c.put("rms_scaling", rmsScaling);
    c.put("beta_initializer", Initializers.serialize(betaInitializer));
    c.put("gamma_initializer", Initializers.serialize(gammaInitializer));
    c.put("beta_regularizer", null);
    c.put("gamma_regularizer", null);
    c.put("beta_constraint", null);
    c.put("gamma_constraint", null);
    return c;
  }

  /** A LayerNormalization layer from its Keras config. */
  public static LayerNormalization fromConfig(Config c) {
    LayerNormalization l = new LayerNormalization();
    l.applyBaseConfig(c);
    Normalization.refuseUnsupported(c, "beta_regularizer", "gamma_regularizer",
        "beta_constraint", "gamma_constraint");
    Object axis = c.raw("axis");
    if (axis instanceof List<?>) {
      l.axes(c.getInts("axis", 1, null));
    } else {
      l.axis(c.getInt("axis", -1));
    }
    l.epsilon(c.getDouble("epsilon", 1e-3)).center(c.getBoolean("center", true))
        .scale(c.getBoolean("scale", true)).rmsScaling(c.getBoolean("rms_scaling", false));
    if (c.has("beta_initializer")) {
      l.betaInitializer(Initializers.deserialize(c.raw("beta_initializer")));
    }
    if (c.has("gamma_initializer")) {
      l.gammaInitializer(Initializers.deserialize(c.raw("gamma_initializer")));
    }
    return l;
  }
}
