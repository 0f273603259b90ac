package org.jkeras.layers.core;

import org.jkeras.initializers.Initializers;
import org.jkeras.config.Config;
import java.util.Map;
import java.util.List;
import org.jkeras.backend.DType;
import org.jkeras.constraints.Constraint;
import org.jkeras.constraints.Constraints;
import org.jkeras.regularizers.Regularizer;
import org.jkeras.regularizers.Regularizers;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.initializers.Initializer;
import org.jkeras.initializers.RandomUniform;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.ops.CompareOps;
import org.jkeras.ops.IndexingOps;
import org.jkeras.ops.MathOps;

/**
 * Turns integer indices into dense vectors, as Keras's Embedding: a table {@code embeddings
 * (input_dim, output_dim)} and a lookup; output shape is the input shape plus {@code
 * output_dim}.
 */
public class Embedding extends Layer {
  private final int inputDim;
  private final int outputDim;
  private Initializer embeddingsInitializer = new RandomUniform();
  private boolean maskZero;
  private Regularizer embeddingsRegularizer;
  private Regularizer activityRegularizer;
  private Constraint embeddingsConstraint;
  private Variable embeddings;

  public Embedding(int inputDim, int outputDim) {
    if (inputDim <= 0 || outputDim <= 0) {
      throw new JKerasException("Both `input_dim` and `output_dim` should be positive, Received"
          + " input_dim = " + inputDim + " and output_dim = " + outputDim);
    }
    this.inputDim = inputDim;
    this.outputDim = outputDim;
  }

  public Embedding embeddingsInitializer(Initializer init) {
    requireUnbuilt("embeddings_initializer");
    embeddingsInitializer = init;
    return this;
  }

  /**
   * Treat index 0 as padding: the output carries a mask {@code ids != 0} that recurrent layers
   * (and others that use masks) follow, as Keras's {@code mask_zero}.
   */
  public Embedding maskZero(boolean value) {
    maskZero = value;
    return this;
  }

  public boolean maskZero() {
    return maskZero;
  }

  @Override
  protected boolean supportsMasking() {
    return maskZero;
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    if (!maskZero) {
      return java.util.Collections.singletonList(null);
    }
    return List.of(CompareOps.notEqual(inputs.get(0), 0f));
  }

  /** The table's initializer by Keras name ({@code "uniform"}, ...). */
  public Embedding embeddingsInitializer(String name) {
    return embeddingsInitializer(Initializers.get(name));
  }

  /** A penalty on the table, added to {@code losses()} (null for none). */
  public Embedding embeddingsRegularizer(Regularizer regularizer) {
    requireUnbuilt("embeddings_regularizer");
    embeddingsRegularizer = regularizer;
    return this;
  }

  /** A table penalty by Keras name: {@code "l1"}, {@code "l2"}, {@code "l1_l2"}. */
  public Embedding embeddingsRegularizer(String name) {
    return embeddingsRegularizer(Regularizers.get(name));
  }

  /** A penalty on the output vectors, added to the losses of each call. */
  public Embedding activityRegularizer(Regularizer regularizer) {
    activityRegularizer = regularizer;
    return this;
  }

  public Embedding activityRegularizer(String name) {
    return activityRegularizer(Regularizers.get(name));
  }

  /** A projection of the table after each optimizer update (null for none). */
  public Embedding embeddingsConstraint(Constraint constraint) {
    requireUnbuilt("embeddings_constraint");
    embeddingsConstraint = constraint;
    return this;
  }

  /** A table constraint by Keras name: {@code "max_norm"}, {@code "unit_norm"}, ... */
  public Embedding embeddingsConstraint(String name) {
    return embeddingsConstraint(Constraints.get(name));
  }

  @Override
  public Embedding name(String newName) {
    super.name(newName);
    return this;
  }

  public Variable embeddings() {
    return embeddings;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    Shape s = Shape.of(inputDim, outputDim);
    embeddings = addWeight("embeddings", s, embeddingsInitializer.initialize(s), true,
        embeddingsRegularizer, embeddingsConstraint);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    int[] in = inputShapes.get(0).dims();
    int[] out = java.util.Arrays.copyOf(in, in.length + 1);
    out[in.length] = outputDim;
    return List.of(Shape.of(out));
  }

  /** Indices outside [0, input_dim) are refused, naming the layer (take would wrap negatives). */
  private void checkIndices(Tensor ids) {
    if (ids.size() == 0) {
      return;
    }
    Tensor values = MathOps.cast(ids, DType.FLOAT32);
    long min = (long) org.jkeras.ops.ReductionOps.min(values).getFlat(0);
    long max = (long) org.jkeras.ops.ReductionOps.max(values).getFlat(0);
    if (min < 0 || max >= inputDim) {
      long bad = min < 0 ? min : max;
      throw new JKerasException("Embedding '" + name() + "': index " + bad + " in the input of"
          + " shape " + ids.shape() + " is out of range for input_dim=" + inputDim + "; indices"
          + " must be in [0, " + inputDim + "). Fix the data or raise input_dim.");
    }
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor ids = inputs.get(0);
    if (ids.dtype() != DType.INT32 && ids.dtype() != DType.INT64) {
      ids = MathOps.cast(ids, DType.INT32);
    }
    checkIndices(ids);
    Tensor out = IndexingOps.take(embeddings, ids, 0);
    if (activityRegularizer != null) {
      addLoss(activityRegularizer.apply(out));
    }
    return List.of(out);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("input_dim", inputDim);
    c.put("output_dim", outputDim);
    c.put("embeddings_initializer", Initializers.serialize(embeddingsInitializer));
    c.put("embeddings_regularizer", Regularizers.serialize(embeddingsRegularizer));
    c.put("activity_regularizer", Regularizers.serialize(activityRegularizer));
    c.put("embeddings_constraint", Constraints.serialize(embeddingsConstraint));
    c.put("mask_zero", maskZero);
    return c;
  }

  /** An Embedding layer from its Keras config. */
  public static Embedding fromConfig(Config c) {
    Embedding e = new Embedding(c.requireInt("input_dim"), c.requireInt("output_dim"));
    e.applyBaseConfig(c);
    if (c.has("embeddings_initializer")) {
      e.embeddingsInitializer(Initializers.deserialize(c.raw("embeddings_initializer")));
    }
    e.maskZero(c.getBoolean("mask_zero", false));
    e.embeddingsRegularizer(Regularizers.deserialize(c.raw("embeddings_regularizer")));
    e.activityRegularizer(Regularizers.deserialize(c.raw("activity_regularizer")));
    e.embeddingsConstraint(Constraints.deserialize(c.raw("embeddings_constraint")));
    return e;
  }
}
