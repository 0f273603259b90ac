package org.jkeras.layers.normalization;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.DType;
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
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.ShapePreservingLayer;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.ReductionOps;

/**
 * Keras's BatchNormalization: in training mode it normalizes with the batch's mean and
 * population variance over every axis but {@code axis} and moves the moving statistics toward
 * them ({@code moving = moving * momentum + batch * (1 - momentum)}); in inference mode, and
 * always when the layer is frozen ({@code trainable(false)}), it normalizes with the moving
 * statistics. Weights, in Keras's order: {@code gamma}, {@code beta} (trainable), {@code
 * moving_mean}, {@code moving_variance} (non-trainable).
 *
 * <p>A mask ({@code (batch, time)} for {@code (batch, time, features)} inputs) leaves the masked
 * steps out of the batch statistics, as in Keras.
 */
public class BatchNormalization extends ShapePreservingLayer {
  private int axis = -1;
  private double momentum = 0.99;
  private double epsilon = 1e-3;
  private boolean center = true;
  private boolean scale = true;
  private Initializer betaInitializer = new Zeros();
  private Initializer gammaInitializer = new Ones();
  private Initializer movingMeanInitializer = new Zeros();
  private Initializer movingVarianceInitializer = new Ones();
  private Variable gamma;
  private Variable beta;
  private Variable movingMean;
  private Variable movingVariance;
  private int[] reductionAxes;
  private int[] broadcastShape;

  public BatchNormalization() {}

  /** The features axis (Keras's {@code axis}, default -1: channels_last). */
  public BatchNormalization axis(int value) {
    requireUnbuilt("axis");
    axis = value;
    return this;
  }

  public BatchNormalization momentum(double value) {
    requireUnbuilt("momentum");
    momentum = value;
    return this;
  }

  public BatchNormalization epsilon(double value) {
    requireUnbuilt("epsilon");
    epsilon = value;
    return this;
  }

  /** Whether to add {@code beta}. */
  public BatchNormalization center(boolean value) {
    requireUnbuilt("center");
    center = value;
    return this;
  }

  /** Whether to multiply by {@code gamma}. */
  public BatchNormalization scale(boolean value) {
    requireUnbuilt("scale");
    scale = value;
    return this;
  }

  public BatchNormalization betaInitializer(Initializer init) {
    requireUnbuilt("beta_initializer");
    betaInitializer = init;
    return this;
  }

  public BatchNormalization gammaInitializer(Initializer init) {
    requireUnbuilt("gamma_initializer");
    gammaInitializer = init;
    return this;
  }

  public BatchNormalization movingMeanInitializer(Initializer init) {
    requireUnbuilt("moving_mean_initializer");
    movingMeanInitializer = init;
    return this;
  }

  public BatchNormalization movingVarianceInitializer(Initializer init) {
    requireUnbuilt("moving_variance_initializer");
    movingVarianceInitializer = init;
    return this;
  }

  @Override
  public BatchNormalization name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  public BatchNormalization trainable(boolean value) {
    super.trainable(value);
    return this;
  }

  public Variable gamma() {
    return gamma;
  }

  public Variable beta() {
    return beta;
  }

  public Variable movingMean() {
    return movingMean;
  }

  public Variable movingVariance() {
    return movingVariance;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    int a = Normalization.resolveAxis(name(), axis, in);
    int channels = in.dim(a);
    Shape shape = Shape.of(channels);
    if (scale) {
      gamma = addWeight("gamma", shape, gammaInitializer.initialize(shape), true);
    }
    if (center) {
      beta = addWeight("beta", shape, betaInitializer.initialize(shape), true);
    }
    movingMean = addWeight("moving_mean", shape, movingMeanInitializer.initialize(shape), false);
    movingVariance = addWeight("moving_variance", shape,
        movingVarianceInitializer.initialize(shape), false);
    reductionAxes = new int[in.rank() - 1];
    broadcastShape = new int[in.rank()];
    for (int i = 0, k = 0; i < in.rank(); i++) {
      broadcastShape[i] = i == a ? channels : 1;
      if (i != a) {
        reductionAxes[k++] = i;
      }
    }
    setInputSpec(new InputSpec(in.rank(), null, Map.of(axis, channels)));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return call(inputs, null, context);
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, CallContext context) {
    Tensor x = inputs.get(0);
    Tensor mask = masks == null ? null : masks.get(0);
    if (mask != null && mask.rank() != x.rank() - 1) {
      throw new JKerasException("The mask provided should be one dimension less than the inputs."
          + " Received: mask.shape=" + mask.shape() + ", inputs.shape=" + x.shape());
    }
    Tensor mean;
    Tensor variance;
    if (context.training() && trainable()) {
      Tensor[] moments = mask == null
          ? new Tensor[] {ReductionOps.mean(x, reductionAxes, false),
              ReductionOps.var(x, reductionAxes, false)}
          : maskedMoments(x, mask);
      mean = moments[0];
      variance = moments[1];
      updateMovingStatistics(mean, variance);
    } else {
      mean = movingMean;
      variance = movingVariance;
    }
    return List.of(Normalization.normalize(x, broadcast(mean), broadcast(variance),
        gamma == null ? null : broadcast(gamma), beta == null ? null : broadcast(beta),
        epsilon));
  }

  /** Keras's masked moments: only unmasked steps count (weights summed plus 1e-7). */
  private Tensor[] maskedMoments(Tensor x, Tensor mask) {
    Tensor w = ArrayOps.expandDims(MathOps.cast(mask, DType.FLOAT32), -1);
    Tensor weighted = MathOps.multiply(w, x);
    Tensor count = MathOps.add(ReductionOps.sum(w, reductionAxes, true), 1e-7f);
    Tensor mean = MathOps.divide(ReductionOps.sum(weighted, reductionAxes, true), count);
    Tensor sq = MathOps.multiply(w, MathOps.square(MathOps.subtract(weighted, mean)));
    Tensor variance = MathOps.divide(ReductionOps.sum(sq, reductionAxes, true), count);
    return new Tensor[] {
      ArrayOps.reshape(mean, movingMean.shape()), ArrayOps.reshape(variance, movingMean.shape())
    };
  }

  /**
   * Moves the moving statistics toward the batch's. The batch statistics are copied first, so
   * this update is never recorded on a gradient tape.
   */
  private void updateMovingStatistics(Tensor mean, Tensor variance) {
    float keep = (float) momentum;
    float take = (float) (1.0 - momentum);
    Tensor m = Tensor.wrap(mean.toFloatArray(), mean.shape());
    Tensor v = Tensor.wrap(variance.toFloatArray(), variance.shape());
    movingMean.assign(MathOps.add(MathOps.multiply(movingMean, keep), MathOps.multiply(m, take)));
    movingVariance.assign(
        MathOps.add(MathOps.multiply(movingVariance, keep), MathOps.multiply(v, take)));
  }

  private Tensor broadcast(Tensor perChannel) {
    return ArrayOps.reshape(perChannel, broadcastShape);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    c.put("momentum", momentum);
    c.put("epsilon", epsilon);
    c.put("center", center);
    c.put("scale", scale);
    c.put("beta_initializer", Initializers.serialize(betaInitializer));
    c.put("gamma_initializer", Initializers.serialize(gammaInitializer));
    c.put("moving_mean_initializer", Initializers.serialize(movingMeanInitializer));
    c.put("moving_variance_initializer", Initializers.serialize(movingVarianceInitializer));
    c.put("beta_regularizer", null);
    c.put("gamma_regularizer", null);
    c.put("beta_constraint", null);
    c.put("gamma_constraint", null);
    c.put("synchronized", false);
    return c;
  }

  /** A BatchNormalization layer from its Keras config. */
  public static BatchNormalization fromConfig(Config c) {
    BatchNormalization b = new BatchNormalization();
    b.applyBaseConfig(c);
    Normalization.refuseUnsupported(c, "beta_regularizer", "gamma_regularizer",
        "beta_constraint", "gamma_constraint");
    if (c.getBoolean("synchronized", false)) {
      throw new JKerasException("Argument synchronized=True is only supported with the"
          + " TensorFlow backend.");
    }
    b.axis(c.getInt("axis", -1)).momentum(c.getDouble("momentum", 0.99))
        .epsilon(c.getDouble("epsilon", 1e-3)).center(c.getBoolean("center", true))
        .scale(c.getBoolean("scale", true));
    if (c.has("beta_initializer")) {
      b.betaInitializer(Initializers.deserialize(c.raw("beta_initializer")));
    }
    if (c.has("gamma_initializer")) {
      b.gammaInitializer(Initializers.deserialize(c.raw("gamma_initializer")));
    }
    if (c.has("moving_mean_initializer")) {
      b.movingMeanInitializer(Initializers.deserialize(c.raw("moving_mean_initializer")));
    }
    if (c.has("moving_variance_initializer")) {
      b.movingVarianceInitializer(
          Initializers.deserialize(c.raw("moving_variance_initializer")));
    }
    return b;
  }
}
